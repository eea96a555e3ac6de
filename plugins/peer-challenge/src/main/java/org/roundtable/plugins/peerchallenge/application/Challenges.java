package org.roundtable.plugins.peerchallenge.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.roundtable.api.errors.Conflict;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.platform.AuditTrail;
import org.roundtable.api.platform.CurrentMember;
import org.roundtable.api.platform.Guests;
import org.roundtable.api.platform.Members;
import org.roundtable.api.settings.PluginSettings;
import org.roundtable.plugins.peerchallenge.PeerChallengePlugin;
import org.roundtable.plugins.peerchallenge.domain.Challenge;
import org.roundtable.plugins.peerchallenge.domain.ChallengeStatus;
import org.roundtable.plugins.peerchallenge.domain.LineOfEnquiry;
import org.roundtable.plugins.peerchallenge.domain.TeamMember;
import org.roundtable.plugins.peerchallenge.domain.TeamRole;

/**
 * Setting a challenge up and moving it on: its dates and lines of enquiry, its team, the host's
 * coordinators (guests of this challenge only), and the list each person sees.
 */
@ApplicationScoped
public class Challenges {

  @Inject EntityManager entityManager;
  @Inject ChallengeAccess access;
  @Inject CurrentMember currentMember;
  @Inject Members members;
  @Inject Guests guests;
  @Inject PluginSettings settings;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  /** A new challenge, scoping; its evidence kept for the council's retention period. */
  @Transactional
  public Challenge create(
      String hostCouncil, String scope, String focusQuestion, Challenge.Dates dates) {
    if (currentMember.isGuestOnly() || !currentMember.hasPermission(PeerChallengePlugin.MANAGE)) {
      throw new org.roundtable.api.errors.Forbidden(
          "Setting up a challenge needs " + PeerChallengePlugin.MANAGE);
    }
    dates.inOrder();
    LocalDate retention =
        dates.onSiteTo().plusMonths(settings.get(PeerChallengePlugin.RETENTION_MONTHS));
    Challenge challenge =
        new Challenge(
            UUID.randomUUID(),
            hostCouncil,
            scope,
            focusQuestion,
            dates,
            retention,
            clock.instant());
    entityManager.persist(challenge);
    audit.record("peer-challenge.created", "challenge", challenge.id().toString(), hostCouncil);
    return challenge;
  }

  /** Adds a key line of enquiry, after the others. */
  @Transactional
  public LineOfEnquiry addLine(UUID challengeId, String title) {
    Challenge challenge = access.forManager(challengeId);
    int next = lines(challenge.id()).size();
    LineOfEnquiry line = new LineOfEnquiry(UUID.randomUUID(), challenge.id(), next, title);
    entityManager.persist(line);
    return line;
  }

  /**
   * Puts a member of this council on the team in a part.
   *
   * @throws NotFound for someone who is not a member here
   * @throws Conflict for someone already on the team
   */
  @Transactional
  public TeamMember addToTeam(UUID challengeId, UUID memberId, TeamRole role) {
    Challenge challenge = access.forManager(challengeId);
    if (members.find(memberId).isEmpty()) {
      throw new NotFound("This member");
    }
    if (entityManager.find(TeamMember.class, new TeamMember.Key(challenge.id(), memberId))
        != null) {
      throw new Conflict("They are on this challenge's team already");
    }
    TeamMember member = new TeamMember(challenge.id(), memberId, role, clock.instant());
    entityManager.persist(member);
    audit.record("peer-challenge.team-joined", "challenge", challenge.id().toString(), role.name());
    return member;
  }

  /** Moves the challenge on one step. */
  @Transactional
  public Challenge moveTo(UUID challengeId, ChallengeStatus next) {
    Challenge challenge = access.forManager(challengeId);
    challenge.moveTo(next);
    audit.record("peer-challenge.moved", "challenge", challenge.id().toString(), next.name());
    return challenge;
  }

  /** Invites one of the host council's coordinators: a guest of this challenge only. */
  public UUID inviteHostCoordinator(UUID challengeId, Guests.Invitation invitation) {
    Challenge challenge = access.forManager(challengeId);
    return guests.invite(
        PeerChallengePlugin.GUEST_CHALLENGES, challenge.id().toString(), invitation);
  }

  /** The host's coordinators of a challenge. */
  public List<Guests.Guest> hostCoordinators(UUID challengeId) {
    Challenge challenge = access.forManager(challengeId);
    return guests.of(PeerChallengePlugin.GUEST_CHALLENGES, challenge.id().toString());
  }

  /** A challenge the caller may see. */
  @Transactional
  public Challenge challenge(UUID id) {
    return access.visible(id);
  }

  /**
   * The challenges the caller sees: all of them for whoever manages challenges, those they are on
   * the team of, or, for a guest, the one they host.
   */
  @Transactional
  public List<Challenge> visible() {
    if (currentMember.isGuestOnly()) {
      List<UUID> hosted =
          currentMember.guestRecords(PeerChallengePlugin.GUEST_CHALLENGES).stream()
              .map(UUID::fromString)
              .toList();
      return hosted.isEmpty()
          ? List.of()
          : entityManager
              .createQuery(
                  "SELECT c FROM Challenge c WHERE c.id IN :ids ORDER BY c.onSiteFrom DESC",
                  Challenge.class)
              .setParameter("ids", hosted)
              .getResultList();
    }
    if (currentMember.hasPermission(PeerChallengePlugin.MANAGE)) {
      return entityManager
          .createQuery("SELECT c FROM Challenge c ORDER BY c.onSiteFrom DESC", Challenge.class)
          .getResultList();
    }
    return entityManager
        .createQuery(
            "SELECT c FROM Challenge c WHERE c.id IN (SELECT t.challengeId FROM TeamMember t"
                + " WHERE t.memberId = :me) ORDER BY c.onSiteFrom DESC",
            Challenge.class)
        .setParameter("me", access.me())
        .getResultList();
  }

  /** A challenge's lines of enquiry, in order. */
  @Transactional
  public List<LineOfEnquiry> lines(UUID challengeId) {
    return entityManager
        .createQuery(
            "SELECT l FROM LineOfEnquiry l WHERE l.challengeId = :c ORDER BY l.position",
            LineOfEnquiry.class)
        .setParameter("c", challengeId)
        .getResultList();
  }

  /** A challenge's team, in the order they joined: every part listed alike, never ranked. */
  @Transactional
  public List<TeamMember> team(UUID challengeId) {
    return entityManager
        .createQuery(
            "SELECT t FROM TeamMember t WHERE t.challengeId = :c ORDER BY t.joinedAt, t.memberId",
            TeamMember.class)
        .setParameter("c", challengeId)
        .getResultList();
  }

  /** A team member with their name, as every list shows them. */
  public record Named(UUID memberId, String name, TeamRole role) {}

  /**
   * A challenge's team with their names, in the order they joined (one lookup of names for the
   * whole team).
   */
  @Transactional
  public List<Named> namedTeam(UUID challengeId) {
    List<TeamMember> team = team(challengeId);
    var people = members.findAll(team.stream().map(TeamMember::memberId).toList());
    return team.stream()
        .map(
            t ->
                new Named(
                    t.memberId(),
                    people.containsKey(t.memberId())
                        ? people.get(t.memberId()).name()
                        : "Someone who has left",
                    t.role()))
        .toList();
  }

  /** A team member's access needs, as they share them. */
  public record Needs(
      UUID memberId, String name, TeamRole role, Optional<Members.AccessNeeds> needs) {}

  /**
   * The team's access needs, for whoever organises the challenge (the challenge manager on the
   * team, or someone who manages challenges): each member's needs only if they chose to share them
   * on their profile.
   *
   * @throws NotFound for anyone else
   */
  @Transactional
  public List<Needs> accessNeeds(UUID challengeId) {
    Challenge challenge = access.visible(challengeId);
    boolean manager =
        !currentMember.isGuestOnly() && currentMember.hasPermission(PeerChallengePlugin.MANAGE);
    boolean challengeManager =
        currentMember
            .signedInId()
            .map(me -> entityManager.find(TeamMember.class, new TeamMember.Key(challenge.id(), me)))
            .filter(t -> t.role() == TeamRole.CHALLENGE_MANAGER)
            .isPresent();
    if (!manager && !challengeManager) {
      throw new NotFound("The team's access needs");
    }
    return namedTeam(challenge.id()).stream()
        .map(t -> new Needs(t.memberId(), t.name(), t.role(), members.accessNeeds(t.memberId())))
        .toList();
  }
}
