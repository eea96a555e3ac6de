package org.roundtable.plugins.peerchallenge.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.errors.Refused;
import org.roundtable.api.platform.AuditTrail;
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

  /** What may be uploaded, with the bytes each must start with (empty: any text). */
  private static final Map<String, byte[]> TYPES =
      Map.of(
          "application/pdf", "%PDF-".getBytes(StandardCharsets.US_ASCII),
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
              new byte[] {'P', 'K', 3, 4},
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
              new byte[] {'P', 'K', 3, 4},
          "text/csv", new byte[0],
          "text/plain", new byte[0]);

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
    String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase();
    byte[] magic = TYPES.get(type);
    if (magic == null) {
      throw new Refused(
          Refused.Reason.UNSUPPORTED_TYPE,
          "file",
          "upload a PDF, Word, Excel, CSV or plain text file");
    }
    if (content.length == 0) {
      throw new Refused("file", "the file is empty");
    }
    if (content.length > LARGEST) {
      throw new Refused(Refused.Reason.TOO_LARGE, "file", "the file is larger than 20 MB");
    }
    if (content.length < magic.length
        || !Arrays.equals(Arrays.copyOf(content, magic.length), magic)
        || (magic.length == 0 && !isText(content))) {
      throw new Refused(
          Refused.Reason.UNSUPPORTED_TYPE, "file", "the file is not what its type says");
    }
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

  private static boolean isText(byte[] content) {
    try {
      StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(content));
    } catch (java.nio.charset.CharacterCodingException e) {
      return false;
    }
    String start = new String(content, 0, Math.min(content.length, 512), StandardCharsets.UTF_8);
    return !start.toLowerCase().contains("<html") && !start.toLowerCase().contains("<script");
  }
}
