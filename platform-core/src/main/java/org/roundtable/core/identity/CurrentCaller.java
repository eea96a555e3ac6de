package org.roundtable.core.identity;

import jakarta.enterprise.context.RequestScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.roundtable.core.audit.Actors;

/** The caller of the current request, as the authentication filter found them. */
@RequestScoped
public class CurrentCaller implements Actors {

  private Caller caller;
  private UUID onBehalfOf;
  private String system;
  private UUID memberId;
  private final Map<String, Boolean> permissions = new HashMap<>();

  public Optional<Caller> get() {
    return Optional.ofNullable(caller);
  }

  public void set(Caller authenticated) {
    this.caller = authenticated;
  }

  /** The audit actor: the caller's subject, the platform's own work, or {@code anonymous}. */
  public String actor() {
    if (caller != null) {
      return caller.tenant() + ":" + caller.subject();
    }
    return system != null ? "system:" + system : "anonymous";
  }

  /** Marks this unit of work as the platform's own (an event delivery, a job). */
  public void actAsSystem(String name) {
    this.system = name;
  }

  /** The member an officer is acting for in this request, if any ("assisted digital"). */
  public Optional<UUID> onBehalfOf() {
    return Optional.ofNullable(onBehalfOf);
  }

  /**
   * The signed-in person's member id, looked up once per request ({@code lookup} runs at most
   * once): plugin code asks for it many times while answering one request.
   */
  public UUID memberId(Supplier<UUID> lookup) {
    if (memberId == null) {
      memberId = lookup.get();
    }
    return memberId;
  }

  /** Whether the caller holds a permission, decided once per request and permission. */
  public boolean holds(String permission, Predicate<String> decide) {
    return permissions.computeIfAbsent(permission, decide::test);
  }

  public void actFor(UUID memberId) {
    this.onBehalfOf = memberId;
  }
}
