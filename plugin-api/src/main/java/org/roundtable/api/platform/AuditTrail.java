package org.roundtable.api.platform;

/**
 * The tenant's append-only audit log. Record each change in the same transaction as the change: the
 * entry names who did it (and the member they acted for) and the request.
 *
 * @since 1.0.0
 */
public interface AuditTrail {

  /**
   * Records a change made in the current transaction.
   *
   * @param action what happened, e.g. {@code boards.meeting.scheduled}
   * @param resourceType the kind of thing changed, e.g. {@code meeting}
   * @param resourceId its id
   * @param details a short note, or null
   * @since 1.0.0
   */
  void record(String action, String resourceType, String resourceId, String details);
}
