package org.roundtable.plugins.peerchallenge.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.roundtable.api.errors.Conflict;
import org.roundtable.api.errors.Forbidden;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.platform.AuditTrail;
import org.roundtable.plugins.peerchallenge.domain.Challenge;
import org.roundtable.plugins.peerchallenge.domain.ChallengeStatus;
import org.roundtable.plugins.peerchallenge.domain.FeedbackPoint;
import org.roundtable.plugins.peerchallenge.domain.PlannedAction;
import org.roundtable.plugins.peerchallenge.domain.TeamMember;
import org.roundtable.plugins.peerchallenge.domain.TeamRole;

/**
 * What a challenge leaves: the feedback the team co-writes for the last day, the report the lead
 * peer releases to the host, the host's action plan, and the progress review. The host's
 * coordinators see the feedback from the feedback day on and the report once released, and own the
 * action plan.
 */
@ApplicationScoped
public class Outputs {

  @Inject EntityManager entityManager;
  @Inject ChallengeAccess access;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  // --- feedback ---------------------------------------------------------------------------------

  /** A point of the feedback, by anyone on the team. */
  @Transactional
  public FeedbackPoint addFeedback(UUID challengeId, FeedbackPoint.Kind kind, String text) {
    Challenge challenge = access.forTeam(challengeId);
    FeedbackPoint point =
        new FeedbackPoint(
            UUID.randomUUID(), challenge.id(), kind, text, access.me(), clock.instant());
    entityManager.persist(point);
    return point;
  }

  /** Rewords a point: any team member, whoever wrote it first. */
  @Transactional
  public FeedbackPoint reword(UUID challengeId, UUID pointId, String text) {
    Challenge challenge = access.forTeam(challengeId);
    FeedbackPoint point = entityManager.find(FeedbackPoint.class, pointId);
    if (point == null || !point.challengeId().equals(challenge.id())) {
      throw new NotFound("This point");
    }
    point.reword(text, access.me(), clock.instant());
    return point;
  }

  /**
   * The feedback, strengths first: the team and managers always, the host from the feedback day.
   */
  @Transactional
  public List<FeedbackPoint> feedback(UUID challengeId) {
    Challenge challenge = access.visible(challengeId);
    if (access.standing(challenge) == ChallengeAccess.Standing.GUEST
        && challenge.status().ordinal() < ChallengeStatus.FEEDBACK.ordinal()) {
      throw new NotFound("The feedback");
    }
    return entityManager
        .createQuery(
            "SELECT p FROM FeedbackPoint p WHERE p.challengeId = :c ORDER BY p.kind, p.id",
            FeedbackPoint.class)
        .setParameter("c", challenge.id())
        .getResultList()
        .stream()
        .sorted(java.util.Comparator.comparing(FeedbackPoint::kind))
        .toList();
  }

  // --- the report -------------------------------------------------------------------------------

  /** The team's draft of the report. */
  @Transactional
  public Challenge draftReport(UUID challengeId, String text) {
    Challenge challenge = access.forTeam(challengeId);
    challenge.draftReport(text);
    return challenge;
  }

  /**
   * Releases the report to the host: the lead peer only.
   *
   * @throws Forbidden for anyone else on the team
   */
  @Transactional
  public Challenge releaseReport(UUID challengeId) {
    Challenge challenge = access.forTeam(challengeId);
    TeamMember me =
        entityManager.find(TeamMember.class, new TeamMember.Key(challenge.id(), access.me()));
    if (me == null || me.role() != TeamRole.LEAD_PEER) {
      throw new Forbidden("The lead peer releases the report");
    }
    challenge.releaseReport(me.memberId(), clock.instant());
    audit.record("peer-challenge.report-released", "challenge", challenge.id().toString(), null);
    return challenge;
  }

  /**
   * The report: the team and managers see the draft; the host only once it is released.
   *
   * @throws NotFound for the host before release, or when there is none
   */
  @Transactional
  public Challenge report(UUID challengeId) {
    Challenge challenge = access.visible(challengeId);
    boolean host = access.standing(challenge) == ChallengeAccess.Standing.GUEST;
    if (challenge.reportText() == null || (host && challenge.reportReleasedAt() == null)) {
      throw new NotFound("The report");
    }
    return challenge;
  }

  /** What the team found at the progress review. */
  @Transactional
  public Challenge reviewProgress(UUID challengeId, String text) {
    Challenge challenge = access.forTeam(challengeId);
    if (challenge.reportReleasedAt() == null) {
      throw new Conflict("The progress review follows the report");
    }
    challenge.reviewProgress(text);
    return challenge;
  }

  // --- the action plan --------------------------------------------------------------------------

  /**
   * An action of the host's plan, answering a recommendation, once the report is out: the host's
   * coordinators or whoever manages challenges.
   */
  @Transactional
  public PlannedAction addAction(
      UUID challengeId, String recommendation, String action, String owner, LocalDate dueOn) {
    Challenge challenge = planOwner(challengeId);
    PlannedAction planned =
        new PlannedAction(
            UUID.randomUUID(),
            challenge.id(),
            recommendation,
            action,
            owner,
            dueOn,
            clock.instant());
    entityManager.persist(planned);
    audit.record("peer-challenge.action-planned", "challenge", challenge.id().toString(), action);
    return planned;
  }

  /** Records how an action is going. */
  @Transactional
  public PlannedAction progress(
      UUID challengeId, UUID actionId, PlannedAction.Status status, String note) {
    Challenge challenge = planOwner(challengeId);
    PlannedAction action = entityManager.find(PlannedAction.class, actionId);
    if (action == null || !action.challengeId().equals(challenge.id())) {
      throw new NotFound("This action");
    }
    action.progress(status, note, clock.instant());
    return action;
  }

  /** The action plan, soonest due first: everyone with a standing on the challenge. */
  @Transactional
  public List<PlannedAction> actions(UUID challengeId) {
    Challenge challenge = access.visible(challengeId);
    return entityManager
        .createQuery(
            "SELECT a FROM PlannedAction a WHERE a.challengeId = :c ORDER BY a.dueOn, a.id",
            PlannedAction.class)
        .setParameter("c", challenge.id())
        .getResultList();
  }

  private Challenge planOwner(UUID challengeId) {
    Challenge challenge = access.visible(challengeId);
    ChallengeAccess.Standing standing = access.standing(challenge);
    if (standing != ChallengeAccess.Standing.GUEST
        && standing != ChallengeAccess.Standing.MANAGER) {
      throw new Forbidden("The host council owns its action plan");
    }
    if (challenge.reportReleasedAt() == null) {
      throw new Conflict("The action plan answers the report: wait until it is released");
    }
    return challenge;
  }
}
