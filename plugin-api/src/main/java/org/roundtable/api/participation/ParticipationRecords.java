package org.roundtable.api.participation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Records, corrects and withdraws participation in the current tenant, in the caller's transaction.
 * Each change publishes an event ({@link #RECORDED}, {@link #CORRECTED}, {@link #WITHDRAWN}) whose
 * payload carries the record's fields and its {@code recordId}.
 *
 * @since 1.0.0
 */
public interface ParticipationRecords {

  /**
   * Event type of a new record.
   *
   * @since 1.0.0
   */
  String RECORDED = "participation.recorded";

  /**
   * Event type of a corrected record.
   *
   * @since 1.0.0
   */
  String CORRECTED = "participation.corrected";

  /**
   * Event type of a withdrawn record.
   *
   * @since 1.0.0
   */
  String WITHDRAWN = "participation.withdrawn";

  /**
   * Records participation, or corrects the member's record for the same activity reference.
   *
   * @param participation what happened
   * @return the record's id
   * @since 1.0.0
   */
  UUID record(Participation participation);

  /**
   * Withdraws the member's record for an activity (they did not take part after all).
   *
   * @param memberId the member
   * @param activityReference the activity
   * @return whether there was a record to withdraw
   * @since 1.0.0
   */
  boolean withdraw(UUID memberId, String activityReference);

  /**
   * The member's current record for an activity, if any.
   *
   * @param memberId the member
   * @param activityReference the activity
   * @return the record
   * @since 1.0.0
   */
  Optional<Participation> find(UUID memberId, String activityReference);

  /**
   * A stored record as it stands now, with its id and whether it was withdrawn.
   *
   * @param recordId the record's id (the {@code recordId} of its events)
   * @param participation what it says
   * @param withdrawn whether it was withdrawn
   * @param changedAt when it was last recorded, corrected or withdrawn
   * @since 1.1.0
   */
  record Entry(UUID recordId, Participation participation, boolean withdrawn, Instant changedAt) {

    /**
     * Checks the entry.
     *
     * @since 1.1.0
     */
    public Entry {
      Objects.requireNonNull(recordId, "recordId");
      Objects.requireNonNull(participation, "participation");
      Objects.requireNonNull(changedAt, "changedAt");
    }
  }

  /**
   * A record as it stands now, withdrawn or not: what a listener reconciles with, whatever order
   * its events arrive in.
   *
   * @param recordId the record's id
   * @return the record, or empty if this tenant has no such record
   * @since 1.1.0
   */
  Optional<Entry> get(UUID recordId);

  /**
   * The tenant's records in a stable order (by id), a page at a time, withdrawn ones included: how
   * a plugin switched on catches up with what happened while it was off.
   *
   * @param afterRecordId the last id of the previous page, or null for the first page
   * @param limit the most to return, 1 to 5000
   * @return the next page; shorter than {@code limit} when it is the last
   * @since 1.1.0
   */
  List<Entry> page(UUID afterRecordId, int limit);
}
