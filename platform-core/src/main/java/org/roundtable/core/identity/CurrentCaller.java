package org.roundtable.core.identity;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.UUID;

/** The caller of the current request, as the authentication filter found them. */
@RequestScoped
public class CurrentCaller {

  private Caller caller;
  private UUID onBehalfOf;
  private String system;

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

  public void actFor(UUID memberId) {
    this.onBehalfOf = memberId;
  }
}
