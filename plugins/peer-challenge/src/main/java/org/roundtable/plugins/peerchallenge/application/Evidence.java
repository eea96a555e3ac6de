package org.roundtable.plugins.peerchallenge.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.roundtable.api.errors.Refused;
import org.roundtable.api.platform.AuditTrail;
import org.roundtable.api.settings.PluginSettings;
import org.roundtable.plugins.peerchallenge.PeerChallengePlugin;
import org.roundtable.plugins.peerchallenge.domain.Challenge;
import org.roundtable.plugins.peerchallenge.domain.Debrief;
import org.roundtable.plugins.peerchallenge.domain.EvidenceNote;
import org.roundtable.plugins.peerchallenge.domain.Finding;
import org.roundtable.plugins.peerchallenge.domain.FindingEvidence;
import org.roundtable.plugins.peerchallenge.domain.Judgement;
import org.roundtable.plugins.peerchallenge.domain.LineOfEnquiry;
import org.roundtable.plugins.peerchallenge.domain.SourceType;
import org.roundtable.plugins.peerchallenge.domain.Triangulation;

/**
 * The team's evidence and findings, and nobody else's: every read and write goes through {@link
 * ChallengeAccess#forTeam}, so someone outside the team (a host's guest, the region's
 * administrators, an officer who manages challenges but is not on this team) cannot read a note,
 * not just is audited doing so. This is the only class that reads or writes evidence notes (the
 * plugin's architecture test holds it to that).
 */
@ApplicationScoped
public class Evidence {

  @Inject EntityManager entityManager;
  @Inject ChallengeAccess access;
  @Inject Challenges challenges;
  @Inject PluginSettings settings;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  /**
   * A note written during the visit.
   *
   * @throws Refused for a line of enquiry of another challenge, or evidence already erased
   */
  @Transactional
  public EvidenceNote write(
      UUID challengeId, UUID lineId, SourceType source, Judgement judgement, String text) {
    Challenge challenge = access.forTeam(challengeId);
    if (challenge.evidenceErasedAt() != null) {
      throw new Refused("text", "this challenge's evidence has been erased");
    }
    requireLine(challenge, lineId);
    if (!sourceTypes().contains(source)) {
      throw new Refused("sourceType", "choose one of the kinds of source this council uses");
    }
    EvidenceNote note =
        new EvidenceNote(
            UUID.randomUUID(),
            challenge.id(),
            lineId,
            source,
            judgement,
            text,
            access.me(),
            clock.instant());
    entityManager.persist(note);
    return note;
  }

  /** The kinds of source the council's notes may name (its settings), in their usual order. */
  public List<SourceType> sourceTypes() {
    List<String> chosen = settings.get(PeerChallengePlugin.SOURCE_TYPES);
    return java.util.Arrays.stream(SourceType.values())
        .filter(type -> chosen.contains(type.name()))
        .toList();
  }

  /** A day's debrief, by anyone on the team. */
  @Transactional
  public Debrief debrief(UUID challengeId, LocalDate day, String text) {
    Challenge challenge = access.forTeam(challengeId);
    if (challenge.evidenceErasedAt() != null) {
      throw new Refused("text", "this challenge's evidence has been erased");
    }
    Debrief debrief =
        new Debrief(UUID.randomUUID(), challenge.id(), day, text, access.me(), clock.instant());
    entityManager.persist(debrief);
    return debrief;
  }

  /** The team's debriefs, by day. */
  @Transactional
  public List<Debrief> debriefs(UUID challengeId) {
    Challenge challenge = access.forTeam(challengeId);
    return entityManager
        .createQuery(
            "SELECT d FROM Debrief d WHERE d.challengeId = :c ORDER BY d.day, d.writtenAt",
            Debrief.class)
        .setParameter("c", challenge.id())
        .getResultList();
  }

  /** The challenge's notes, oldest first. */
  @Transactional
  public List<EvidenceNote> notes(UUID challengeId) {
    Challenge challenge = access.forTeam(challengeId);
    return notesOf(challenge.id());
  }

  /** A finding drafted by the team, supported by some of its notes (more may follow). */
  @Transactional
  public Finding draft(
      UUID challengeId, UUID lineId, Judgement judgement, String text, List<UUID> notes) {
    Challenge challenge = access.forTeam(challengeId);
    requireLine(challenge, lineId);
    Finding finding =
        new Finding(
            UUID.randomUUID(),
            challenge.id(),
            lineId,
            judgement,
            text,
            access.me(),
            clock.instant());
    entityManager.persist(finding);
    entityManager.flush();
    support(challenge, finding, notes);
    return finding;
  }

  /** Links more notes to a finding. */
  @Transactional
  public Finding support(UUID challengeId, UUID findingId, List<UUID> notes) {
    Challenge challenge = access.forTeam(challengeId);
    Finding finding = entityManager.find(Finding.class, findingId);
    if (finding == null || !finding.challengeId().equals(challenge.id())) {
      throw new org.roundtable.api.errors.NotFound("This finding");
    }
    support(challenge, finding, notes);
    return finding;
  }

  /** The team's findings, oldest first. */
  @Transactional
  public List<Finding> findings(UUID challengeId) {
    return findingsOf(access.forTeam(challengeId).id());
  }

  private List<Finding> findingsOf(UUID challengeId) {
    return entityManager
        .createQuery(
            "SELECT f FROM Finding f WHERE f.challengeId = :c ORDER BY f.draftedAt, f.id",
            Finding.class)
        .setParameter("c", challengeId)
        .getResultList();
  }

  /** Where the evidence is, line by source type, and which findings are triangulated. */
  @Transactional
  public Triangulation triangulation(UUID challengeId) {
    Challenge challenge = access.forTeam(challengeId);
    List<EvidenceNote> notes = notesOf(challenge.id());
    Map<UUID, EvidenceNote> byId = new LinkedHashMap<>();
    notes.forEach(n -> byId.put(n.id(), n));
    Map<UUID, List<EvidenceNote>> support = new LinkedHashMap<>();
    findingsOf(challenge.id()).forEach(f -> support.put(f.id(), new java.util.ArrayList<>()));
    for (FindingEvidence link :
        entityManager
            .createQuery(
                "SELECT l FROM FindingEvidence l WHERE l.findingId IN (SELECT f.id FROM Finding f"
                    + " WHERE f.challengeId = :c)",
                FindingEvidence.class)
            .setParameter("c", challenge.id())
            .getResultList()) {
      EvidenceNote note = byId.get(link.noteId());
      if (note != null) {
        support.get(link.findingId()).add(note);
      }
    }
    return Triangulation.of(
        Math.toIntExact(settings.get(PeerChallengePlugin.TRIANGULATION)),
        challenges.lines(challenge.id()),
        notes,
        support);
  }

  /**
   * Erases the evidence of every challenge past its retention date (the findings, report and action
   * plan stay): the notes and their links to findings. The platform's own work, not a person's: no
   * access check.
   *
   * @return how many challenges' evidence was erased
   */
  @Transactional
  public int eraseDue(LocalDate today) {
    int erased = 0;
    for (Challenge challenge :
        entityManager
            .createQuery(
                "SELECT c FROM Challenge c WHERE c.evidenceErasedAt IS NULL"
                    + " AND c.retentionUntil < :today",
                Challenge.class)
            .setParameter("today", today)
            .getResultList()) {
      entityManager
          .createQuery(
              "DELETE FROM FindingEvidence l WHERE l.noteId IN (SELECT n.id FROM EvidenceNote n"
                  + " WHERE n.challengeId = :c)")
          .setParameter("c", challenge.id())
          .executeUpdate();
      int notes =
          entityManager
              .createQuery("DELETE FROM EvidenceNote n WHERE n.challengeId = :c")
              .setParameter("c", challenge.id())
              .executeUpdate();
      entityManager
          .createQuery("DELETE FROM Debrief d WHERE d.challengeId = :c")
          .setParameter("c", challenge.id())
          .executeUpdate();
      challenge.evidenceErased(clock.instant());
      audit.record(
          "peer-challenge.evidence-erased",
          "challenge",
          challenge.id().toString(),
          notes + " evidence notes, kept until " + challenge.retentionUntil());
      erased++;
    }
    return erased;
  }

  private List<EvidenceNote> notesOf(UUID challengeId) {
    return entityManager
        .createQuery(
            "SELECT n FROM EvidenceNote n WHERE n.challengeId = :c ORDER BY n.writtenAt, n.id",
            EvidenceNote.class)
        .setParameter("c", challengeId)
        .getResultList();
  }

  private void support(Challenge challenge, Finding finding, List<UUID> notes) {
    Set<UUID> known = Set.copyOf(notesOf(challenge.id()).stream().map(EvidenceNote::id).toList());
    for (UUID note : notes) {
      if (!known.contains(note)) {
        throw new Refused("notes", "link notes of this challenge only");
      }
      if (entityManager.find(FindingEvidence.class, new FindingEvidence.Key(finding.id(), note))
          == null) {
        entityManager.persist(new FindingEvidence(finding.id(), note));
      }
    }
  }

  private void requireLine(Challenge challenge, UUID lineId) {
    LineOfEnquiry line = entityManager.find(LineOfEnquiry.class, lineId);
    if (line == null || !line.challengeId().equals(challenge.id())) {
      throw new Refused("lineId", "choose one of this challenge's lines of enquiry");
    }
  }
}
