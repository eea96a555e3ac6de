package org.roundtable.api.participation;

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
}
