package org.roundtable.plugins.training.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;
import org.roundtable.api.errors.NotFound;
import org.roundtable.plugins.training.domain.Debrief;
import org.roundtable.plugins.training.domain.Facilitator;

/**
 * The debrief with each expert by experience after a session: how it went for them and what to
 * change, written by them or with an organiser; read by them and organisers only.
 */
@ApplicationScoped
public class Debriefs {

  @Inject EntityManager entityManager;
  @Inject TrainingAccess access;
  @Inject Sessions sessions;
  @Inject Clock clock;

  /**
   * Writes (or rewrites) an expert's debrief.
   *
   * @throws NotFound for someone who is not an expert facilitating the session, or a caller who is
   *     neither them nor an organiser
   */
  @Transactional
  public Debrief write(UUID sessionId, UUID expertId, String howItWent, String whatToChange) {
    Facilitator expert = expert(sessionId, expertId);
    Debrief debrief =
        entityManager.find(Debrief.class, new Facilitator.Key(expert.sessionId(), expertId));
    if (debrief == null) {
      debrief = new Debrief(expert.sessionId(), expertId);
      debrief.write(howItWent, whatToChange, access.me(), clock.instant());
      entityManager.persist(debrief);
    } else {
      debrief.write(howItWent, whatToChange, access.me(), clock.instant());
    }
    return debrief;
  }

  /**
   * An expert's debrief, if written.
   *
   * @throws NotFound as for {@link #write}, or when none is written
   */
  @Transactional
  public Debrief read(UUID sessionId, UUID expertId) {
    Facilitator expert = expert(sessionId, expertId);
    Debrief debrief =
        entityManager.find(Debrief.class, new Facilitator.Key(expert.sessionId(), expertId));
    if (debrief == null) {
      throw new NotFound("A debrief");
    }
    return debrief;
  }

  private Facilitator expert(UUID sessionId, UUID expertId) {
    UUID me = access.me();
    if (!me.equals(expertId) && !access.organises()) {
      throw new NotFound("This debrief");
    }
    Facilitator expert =
        sessions.facilitators(sessionId).stream()
            .filter(f -> f.memberId().equals(expertId) && f.expert())
            .findFirst()
            .orElseThrow(() -> new NotFound("This debrief"));
    return expert;
  }
}
