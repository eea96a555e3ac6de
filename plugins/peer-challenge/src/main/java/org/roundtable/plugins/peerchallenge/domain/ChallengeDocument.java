package org.roundtable.plugins.peerchallenge.domain;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.roundtable.api.persistence.TenantOwned;

/**
 * A document for the team before the visit: the host's position statement or self-assessment, a
 * data pack, each with an easy-read summary where one is offered ({@link #easyReadOf()}).
 */
@Entity
@Table(name = "peer_challenge_document")
@TenantOwned
public class ChallengeDocument {

  /** What a document is. */
  public enum Kind {
    POSITION_STATEMENT,
    SELF_ASSESSMENT,
    DATA_PACK,
    OTHER
  }

  @Id private UUID id;

  @Column(name = "challenge_id", nullable = false, updatable = false)
  private UUID challengeId;

  @Column(nullable = false)
  private String title;

  @Column(nullable = false)
  private String kind;

  /** A document id as text: EclipseLink's UUID mapping cannot read a null. */
  @Column(name = "easy_read_of")
  private String easyReadOf;

  @Column(name = "file_name", nullable = false)
  private String fileName;

  @Column(name = "content_type", nullable = false)
  private String contentType;

  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;

  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false)
  private byte[] content;

  @Column(name = "uploaded_by", nullable = false)
  private UUID uploadedBy;

  @Column(name = "uploaded_at", nullable = false)
  private Instant uploadedAt;

  protected ChallengeDocument() {}

  public ChallengeDocument(
      UUID id,
      UUID challengeId,
      String title,
      Kind kind,
      UUID easyReadOf,
      String fileName,
      String contentType,
      byte[] content,
      UUID uploadedBy,
      Instant uploadedAt) {
    this.id = id;
    this.challengeId = challengeId;
    this.title = title;
    this.kind = kind.name();
    this.easyReadOf = easyReadOf == null ? null : easyReadOf.toString();
    this.fileName = fileName;
    this.contentType = contentType;
    this.content = content.clone();
    this.sizeBytes = content.length;
    this.uploadedBy = uploadedBy;
    this.uploadedAt = uploadedAt;
  }

  public UUID id() {
    return id;
  }

  public UUID challengeId() {
    return challengeId;
  }

  public String title() {
    return title;
  }

  public Kind kind() {
    return Kind.valueOf(kind);
  }

  public UUID easyReadOf() {
    return easyReadOf == null ? null : UUID.fromString(easyReadOf);
  }

  public String fileName() {
    return fileName;
  }

  public String contentType() {
    return contentType;
  }

  public long sizeBytes() {
    return sizeBytes;
  }

  public byte[] content() {
    return content.clone();
  }

  public UUID uploadedBy() {
    return uploadedBy;
  }

  public Instant uploadedAt() {
    return uploadedAt;
  }
}
