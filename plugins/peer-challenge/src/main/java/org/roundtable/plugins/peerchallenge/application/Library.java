package org.roundtable.plugins.peerchallenge.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.errors.Refused;
import org.roundtable.api.platform.AuditTrail;
import org.roundtable.api.web.DocumentType;
import org.roundtable.plugins.peerchallenge.domain.Challenge;
import org.roundtable.plugins.peerchallenge.domain.ChallengeDocument;
import org.roundtable.plugins.peerchallenge.domain.Reading;

/**
 * A challenge's document library before the visit: the host's coordinators and the team add
 * documents (PDF, Word, Excel, CSV or plain text, never anything a browser would run), everyone
 * with a standing on the challenge reads them.
 */
@ApplicationScoped
public class Library {

  /** The largest document, in bytes. */
  public static final int LARGEST = 20 * 1024 * 1024;

  /** What the library takes: documents, never anything a browser would run. */
  private static final Set<DocumentType> TYPES =
      Set.of(
          DocumentType.PDF,
          DocumentType.WORD,
          DocumentType.EXCEL,
          DocumentType.CSV,
          DocumentType.TEXT);

  @Inject EntityManager entityManager;
  @Inject ChallengeAccess access;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  /**
   * Adds a document.
   *
   * @throws Refused for a type the library does not take, bytes that are not that type, an empty or
   *     too large file, or an easy-read summary of a document not in this library
   */
  @Transactional
  public ChallengeDocument add(
      UUID challengeId,
      String title,
      ChallengeDocument.Kind kind,
      UUID easyReadOf,
      String fileName,
      String contentType,
      byte[] content) {
    Challenge challenge = access.visible(challengeId);
    String type = DocumentType.accepted(contentType, content, TYPES, "file", LARGEST).mediaType();
    if (easyReadOf != null) {
      ChallengeDocument original = entityManager.find(ChallengeDocument.class, easyReadOf);
      if (original == null || !original.challengeId().equals(challenge.id())) {
        throw new Refused("easyReadOf", "choose a document of this challenge");
      }
    }
    ChallengeDocument document =
        new ChallengeDocument(
            UUID.randomUUID(),
            challenge.id(),
            title,
            kind,
            easyReadOf,
            fileName,
            type,
            content,
            access.me(),
            clock.instant());
    entityManager.persist(document);
    audit.record("peer-challenge.document-added", "challenge", challenge.id().toString(), title);
    return document;
  }

  /** The library, oldest first. */
  @Transactional
  public List<ChallengeDocument> documents(UUID challengeId) {
    Challenge challenge = access.visible(challengeId);
    return entityManager
        .createQuery(
            "SELECT d FROM ChallengeDocument d WHERE d.challengeId = :c ORDER BY d.uploadedAt, d.id",
            ChallengeDocument.class)
        .setParameter("c", challenge.id())
        .getResultList();
  }

  /** One document of the library, with its bytes. */
  @Transactional
  public ChallengeDocument document(UUID challengeId, UUID documentId) {
    Challenge challenge = access.visible(challengeId);
    ChallengeDocument document = entityManager.find(ChallengeDocument.class, documentId);
    if (document == null || !document.challengeId().equals(challenge.id())) {
      throw new NotFound("This document");
    }
    document.content();
    return document;
  }

  /**
   * Notes in the team's reading log that the caller has read a document; reading it again changes
   * nothing.
   *
   * @throws NotFound for anyone not on the team, or a document not in this library
   */
  @Transactional
  public Reading markRead(UUID challengeId, UUID documentId) {
    Challenge challenge = access.forTeam(challengeId);
    ChallengeDocument document = entityManager.find(ChallengeDocument.class, documentId);
    if (document == null || !document.challengeId().equals(challenge.id())) {
      throw new NotFound("This document");
    }
    Reading read = entityManager.find(Reading.class, new Reading.Key(document.id(), access.me()));
    if (read == null) {
      read = new Reading(document.id(), access.me(), clock.instant());
      entityManager.persist(read);
    }
    return read;
  }

  /**
   * The team's reading log, for the team and whoever manages challenges: who has read each
   * document, in the order they read it.
   */
  @Transactional
  public Map<UUID, List<Reading>> readingLog(UUID challengeId) {
    Challenge challenge = access.visible(challengeId);
    ChallengeAccess.Standing standing = access.standing(challenge);
    if (standing != ChallengeAccess.Standing.TEAM && standing != ChallengeAccess.Standing.MANAGER) {
      throw new NotFound("This challenge's reading log");
    }
    return entityManager
        .createQuery(
            "SELECT r FROM Reading r, ChallengeDocument d WHERE r.documentId = d.id"
                + " AND d.challengeId = :c ORDER BY r.readAt, r.memberId",
            Reading.class)
        .setParameter("c", challenge.id())
        .getResultStream()
        .collect(
            java.util.stream.Collectors.groupingBy(
                Reading::documentId,
                java.util.LinkedHashMap::new,
                java.util.stream.Collectors.toList()));
  }
}
