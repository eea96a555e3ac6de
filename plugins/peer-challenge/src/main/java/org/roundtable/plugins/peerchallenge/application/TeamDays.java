package org.roundtable.plugins.peerchallenge.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.roundtable.api.errors.Forbidden;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.participation.Participation;
import org.roundtable.api.participation.ParticipationRecords;
import org.roundtable.api.platform.AuditTrail;
import org.roundtable.api.time.UkTime;
import org.roundtable.plugins.peerchallenge.domain.Challenge;
import org.roundtable.plugins.peerchallenge.domain.DayPart;
import org.roundtable.plugins.peerchallenge.domain.TeamDay;
import org.roundtable.plugins.peerchallenge.domain.TeamMember;
import org.roundtable.plugins.peerchallenge.domain.TeamRole;

/**
 * The days team members give a challenge (preparation, team meetings, on site). An
 * expert-by-experience peer's day, or half day, is one participation record: payments makes one
 * claim for it at the council's day rate (half of it for a half day), exactly once, however often
 * the day is recorded again.
 */
@ApplicationScoped
public class TeamDays {

  /** The activity type payments' rates name. */
  public static final String ACTIVITY = "peer-challenge";

  /** The role payments' paid roles name. */
  public static final String ROLE = "expert-by-experience";

  static final Duration DAY = Duration.ofHours(7);
  static final Duration HALF_DAY = Duration.ofMinutes(210);

  @Inject EntityManager entityManager;
  @Inject ChallengeAccess access;
  @Inject ParticipationRecords participation;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  /**
   * Records a team member's day (again, if it changed). Nobody records their own: an organiser who
   * is also on the team has their days recorded by someone else, as a paid day always has two
   * people behind it.
   *
   * @throws NotFound for someone not on the team
   * @throws Forbidden for one's own days
   */
  @Transactional
  public TeamDay record(
      UUID challengeId, UUID memberId, LocalDate day, DayPart part, boolean half) {
    Challenge challenge = access.forManager(challengeId);
    if (memberId.equals(access.me())) {
      throw new Forbidden("Someone else records your days on a challenge");
    }
    TeamMember member =
        entityManager.find(TeamMember.class, new TeamMember.Key(challenge.id(), memberId));
    if (member == null) {
      throw new NotFound("This team member");
    }
    TeamDay recorded =
        entityManager.find(TeamDay.class, new TeamDay.Key(challenge.id(), memberId, day));
    if (recorded == null) {
      recorded = new TeamDay(challenge.id(), memberId, day, part, half, clock.instant());
      entityManager.persist(recorded);
    } else {
      recorded.change(part, half, clock.instant());
    }
    if (member.role() == TeamRole.EXPERT_BY_EXPERIENCE) {
      participation.record(
          new Participation(
              memberId,
              ACTIVITY,
              "Peer challenge of "
                  + challenge.hostCouncil()
                  + " — "
                  + part.words().toLowerCase()
                  + (half ? ", half day" : "")
                  + " — "
                  + day,
              recorded.reference(),
              day.atTime(LocalTime.of(9, 30)).atZone(UkTime.ZONE).toInstant(),
              half ? HALF_DAY : DAY,
              ROLE,
              true));
    }
    audit.record(
        "peer-challenge.day-recorded",
        "challenge",
        challenge.id().toString(),
        day + " " + part.name() + (half ? " half" : ""));
    return recorded;
  }

  /** A challenge's recorded days, by day. */
  @Transactional
  public List<TeamDay> days(UUID challengeId) {
    Challenge challenge = access.forManager(challengeId);
    return entityManager
        .createQuery(
            "SELECT d FROM TeamDay d WHERE d.challengeId = :c ORDER BY d.day, d.memberId",
            TeamDay.class)
        .setParameter("c", challenge.id())
        .getResultList();
  }
}
