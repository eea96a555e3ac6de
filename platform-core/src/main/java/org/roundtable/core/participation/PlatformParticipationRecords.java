package org.roundtable.core.participation;

import static org.roundtable.core.request.JsonSupport.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.roundtable.api.events.Events;
import org.roundtable.api.participation.Participation;
import org.roundtable.api.participation.ParticipationRecords;
import org.roundtable.core.audit.AuditLog;

/**
 * {@link ParticipationRecords}: one record per member and activity in the current tenant, kept by
 * the platform whatever plugins are on. Every change is audited and published through the outbox in
 * the caller's transaction; recording the same facts again changes nothing and publishes nothing.
 */
@ApplicationScoped
public class PlatformParticipationRecords implements ParticipationRecords {

  @Inject EntityManager entityManager;
  @Inject Events events;
  @Inject AuditLog audit;
  @Inject Clock clock;

  @Override
  @Transactional(Transactional.TxType.REQUIRED)
  public UUID record(Participation participation) {
    Optional<ParticipationRecord> existing =
        current(participation.memberId(), participation.activityReference());
    if (existing.isEmpty()) {
      ParticipationRecord created =
          new ParticipationRecord(UUID.randomUUID(), participation, clock.instant());
      entityManager.persist(created);
      publish(RECORDED, created);
      return created.id();
    }
    ParticipationRecord record = existing.get();
    boolean wasWithdrawn = record.isWithdrawn();
    if (record.apply(participation, clock.instant())) {
      publish(wasWithdrawn ? RECORDED : CORRECTED, record);
    }
    return record.id();
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRED)
  public boolean withdraw(UUID memberId, String activityReference) {
    Optional<ParticipationRecord> existing = current(memberId, activityReference);
    if (existing.isEmpty() || existing.get().isWithdrawn()) {
      return false;
    }
    existing.get().withdraw(clock.instant());
    publish(WITHDRAWN, existing.get());
    return true;
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRED)
  public Optional<Participation> find(UUID memberId, String activityReference) {
    return current(memberId, activityReference)
        .filter(r -> !r.isWithdrawn())
        .map(ParticipationRecord::toParticipation);
  }

  /**
   * What a member has taken part in, newest first: the record a council keeps of them (meetings,
   * challenges, courses), withdrawn records left out.
   */
  @Transactional(Transactional.TxType.REQUIRED)
  public List<Participation> ofMember(UUID memberId, int limit) {
    return entityManager
        .createQuery(
            "SELECT r FROM ParticipationRecord r WHERE r.memberId = :m AND r.withdrawn = FALSE"
                + " ORDER BY r.startedAt DESC, r.id",
            ParticipationRecord.class)
        .setParameter("m", memberId)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(ParticipationRecord::toParticipation)
        .toList();
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRED)
  public Optional<Entry> get(UUID recordId) {
    return Optional.ofNullable(entityManager.find(ParticipationRecord.class, recordId))
        .map(ParticipationRecord::toEntry);
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRED)
  public List<Entry> page(UUID afterRecordId, int limit) {
    if (limit < 1 || limit > 5000) {
      throw new IllegalArgumentException("A page is 1 to 5000 records");
    }
    var query =
        afterRecordId == null
            ? entityManager.createQuery(
                "SELECT r FROM ParticipationRecord r ORDER BY r.id", ParticipationRecord.class)
            : entityManager
                .createQuery(
                    "SELECT r FROM ParticipationRecord r WHERE r.id > :after ORDER BY r.id",
                    ParticipationRecord.class)
                .setParameter("after", afterRecordId);
    // Read-only: a catch-up pages through every record inside one listener's transaction, and
    // records held by that transaction would make each page slower than the last.
    return query
        .setMaxResults(limit)
        .setHint("eclipselink.read-only", "true")
        .getResultList()
        .stream()
        .map(ParticipationRecord::toEntry)
        .toList();
  }

  private Optional<ParticipationRecord> current(UUID memberId, String activityReference) {
    List<ParticipationRecord> found =
        entityManager
            .createQuery(
                "SELECT r FROM ParticipationRecord r"
                    + " WHERE r.memberId = :member AND r.activityReference = :reference",
                ParticipationRecord.class)
            .setParameter("member", memberId)
            .setParameter("reference", activityReference)
            .getResultList();
    return found.stream().findFirst();
  }

  private void publish(String type, ParticipationRecord record) {
    entityManager.flush();
    Participation p = record.toParticipation();
    JsonObject payload =
        JSON.createObjectBuilder()
            .add("recordId", record.id().toString())
            .add("memberId", p.memberId().toString())
            .add("activityType", p.activityType())
            .add("activityTitle", p.activityTitle())
            .add("activityReference", p.activityReference())
            .add("start", p.start().toString())
            .add("durationMinutes", p.duration().toMinutes())
            .add("role", p.role())
            .add("livedExperience", p.livedExperience())
            .add("withdrawn", record.isWithdrawn())
            .build();
    events.publish(type, payload);
    audit.record(type, "participation", record.id().toString(), p.activityReference());
  }
}
