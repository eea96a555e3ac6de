package org.roundtable.testkit.fakes;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.roundtable.api.participation.Participation;
import org.roundtable.api.participation.ParticipationRecords;
import org.roundtable.api.tenancy.TenantContext;

/**
 * The bound council's participation records, one per member and activity reference; corrections
 * keep the record's id. The events the platform would publish are kept in {@link #events()} as
 * {@code type recordId}, in order.
 */
public final class FakeParticipationRecords implements ParticipationRecords {

  private final PerCouncil<Map<UUID, Entry>> records;
  private final Clock clock;
  private final List<String> events = new ArrayList<>();

  public FakeParticipationRecords(TenantContext tenants, Clock clock) {
    this.records = new PerCouncil<>(tenants, LinkedHashMap::new);
    this.clock = clock;
  }

  @Override
  public UUID record(Participation participation) {
    Optional<Entry> existing =
        entryFor(participation.memberId(), participation.activityReference());
    UUID id = existing.map(Entry::recordId).orElseGet(UUID::randomUUID);
    records.current().put(id, new Entry(id, participation, false, clock.instant()));
    events.add((existing.isPresent() ? CORRECTED : RECORDED) + " " + id);
    return id;
  }

  @Override
  public boolean withdraw(UUID memberId, String activityReference) {
    Optional<Entry> existing = entryFor(memberId, activityReference).filter(e -> !e.withdrawn());
    existing.ifPresent(
        entry -> {
          records
              .current()
              .put(
                  entry.recordId(),
                  new Entry(entry.recordId(), entry.participation(), true, clock.instant()));
          events.add(WITHDRAWN + " " + entry.recordId());
        });
    return existing.isPresent();
  }

  @Override
  public Optional<Participation> find(UUID memberId, String activityReference) {
    return entryFor(memberId, activityReference)
        .filter(entry -> !entry.withdrawn())
        .map(Entry::participation);
  }

  @Override
  public Optional<Entry> get(UUID recordId) {
    return Optional.ofNullable(records.current().get(recordId));
  }

  @Override
  public List<Entry> page(UUID afterRecordId, int limit) {
    return records.current().values().stream()
        .sorted(java.util.Comparator.comparing(Entry::recordId))
        .filter(entry -> afterRecordId == null || entry.recordId().compareTo(afterRecordId) > 0)
        .limit(limit)
        .toList();
  }

  /** The events the platform would have published, as {@code type recordId}. */
  public List<String> events() {
    return List.copyOf(events);
  }

  private Optional<Entry> entryFor(UUID memberId, String activityReference) {
    return records.current().values().stream()
        .filter(e -> e.participation().memberId().equals(memberId))
        .filter(e -> e.participation().activityReference().equals(activityReference))
        .findFirst();
  }
}
