package org.roundtable.plugins.peerchallenge.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.platform.CurrentMember;
import org.roundtable.plugins.peerchallenge.PeerChallengePlugin;
import org.roundtable.plugins.peerchallenge.domain.Challenge;
import org.roundtable.plugins.peerchallenge.domain.TeamMember;

/**
 * Who the caller is to a challenge, decided in one place for every use case: on its team (every
 * part alike), a guest of it (a host coordinator), someone who manages challenges, or nobody. The
 * team's evidence is the team's only: a manager who is not on the team, a guest, and everyone else
 * get "not found", as if there were none.
 */
@ApplicationScoped
public class ChallengeAccess {

  /** Who the caller is to a challenge, the closest first. */
  public enum Standing {
    TEAM,
    MANAGER,
    GUEST,
    NONE
  }

  @Inject EntityManager entityManager;
  @Inject CurrentMember currentMember;

  /** The caller's standing on a challenge. */
  @Transactional
  public Standing standing(Challenge challenge) {
    if (currentMember.isGuestOnly()) {
      return currentMember
              .guestRecords(PeerChallengePlugin.GUEST_CHALLENGES)
              .contains(challenge.id().toString())
          ? Standing.GUEST
          : Standing.NONE;
    }
    if (onTeam(challenge.id())) {
      return Standing.TEAM;
    }
    return currentMember.hasPermission(PeerChallengePlugin.MANAGE)
        ? Standing.MANAGER
        : Standing.NONE;
  }

  /**
   * A challenge the caller may see at all.
   *
   * @throws NotFound for anyone with no standing on it
   */
  @Transactional
  public Challenge visible(UUID id) {
    Challenge challenge = entityManager.find(Challenge.class, id);
    if (challenge == null || standing(challenge) == Standing.NONE) {
      throw new NotFound("This challenge");
    }
    return challenge;
  }

  /**
   * A challenge whose team the caller is on: the only way to its evidence.
   *
   * @throws NotFound for anyone else
   */
  @Transactional
  public Challenge forTeam(UUID id) {
    Challenge challenge = visible(id);
    if (standing(challenge) != Standing.TEAM) {
      throw new NotFound("This challenge's evidence");
    }
    return challenge;
  }

  /**
   * A challenge the caller may set up: a manager, or a team member who manages challenges.
   *
   * @throws NotFound for a guest or anyone without the permission
   */
  @Transactional
  public Challenge forManager(UUID id) {
    Challenge challenge = visible(id);
    if (currentMember.isGuestOnly() || !currentMember.hasPermission(PeerChallengePlugin.MANAGE)) {
      throw new NotFound("This challenge");
    }
    return challenge;
  }

  /** Whether the signed-in person is on the challenge's team. */
  @Transactional
  public boolean onTeam(UUID challenge) {
    return currentMember
        .signedInId()
        .map(me -> entityManager.find(TeamMember.class, new TeamMember.Key(challenge, me)) != null)
        .orElse(false);
  }

  /** The signed-in person's member id. */
  public UUID me() {
    return currentMember
        .signedInId()
        .orElseThrow(() -> new org.roundtable.api.errors.Forbidden("Sign in first"));
  }
}
