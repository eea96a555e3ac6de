package org.roundtable.testkit.fakes;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.roundtable.api.platform.Members;
import org.roundtable.api.tenancy.TenantContext;

/** The bound council's members, added by the test. */
public final class FakeMembers implements Members {

  private final PerCouncil<Map<UUID, Summary>> members;
  private final PerCouncil<Map<UUID, AccessNeeds>> shared;

  public FakeMembers(TenantContext tenants) {
    members = new PerCouncil<>(tenants, LinkedHashMap::new);
    shared = new PerCouncil<>(tenants, LinkedHashMap::new);
  }

  /** Adds a member to the bound council; returns their id. */
  public UUID add(String name, String email) {
    UUID id = UUID.randomUUID();
    members.current().put(id, new Summary(id, name, Optional.ofNullable(email)));
    return id;
  }

  @Override
  public Optional<Summary> find(UUID id) {
    return Optional.ofNullable(members.current().get(id));
  }

  @Override
  public Map<UUID, Summary> findAll(Collection<UUID> ids) {
    Map<UUID, Summary> found = new LinkedHashMap<>();
    ids.forEach(id -> find(id).ifPresent(member -> found.put(id, member)));
    return found;
  }

  @Override
  public List<Summary> list(int offset, int limit) {
    return members.current().values().stream()
        .sorted(Comparator.comparing(Summary::name))
        .skip(offset)
        .limit(limit)
        .toList();
  }

  /** The member chooses to share these access needs with organisers (on their profile). */
  public FakeMembers shareAccessNeeds(UUID id, List<String> needs, String notes) {
    shared.current().put(id, new AccessNeeds(List.copyOf(needs), notes));
    return this;
  }

  @Override
  public Optional<AccessNeeds> accessNeeds(UUID id) {
    return members.current().containsKey(id)
        ? Optional.ofNullable(shared.current().get(id))
        : Optional.empty();
  }
}
