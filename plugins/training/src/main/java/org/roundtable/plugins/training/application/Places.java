package org.roundtable.plugins.training.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.roundtable.plugins.training.domain.TrainingSession;

/** How full a session is: places left, people waiting. One query. */
@ApplicationScoped
public class Places {

  @Inject EntityManager entityManager;

  /** A session's places left and people waiting. */
  public record Count(long left, long waiting) {}

  /** How full the session is now. */
  @Transactional
  public Count of(TrainingSession session) {
    Object[] row =
        entityManager
            .createQuery(
                "SELECT SUM(CASE WHEN b.status IN ('BOOKED', 'OFFERED') THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN b.status = 'WAITING' THEN 1 ELSE 0 END)"
                    + " FROM Booking b WHERE b.sessionId = :s",
                Object[].class)
            .setParameter("s", session.id())
            .getSingleResult();
    long held = row[0] == null ? 0 : ((Number) row[0]).longValue();
    long waiting = row[1] == null ? 0 : ((Number) row[1]).longValue();
    return new Count(Math.max(0, session.capacity() - held), waiting);
  }
}
