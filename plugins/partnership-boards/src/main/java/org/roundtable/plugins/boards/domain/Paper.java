package org.roundtable.plugins.boards.domain;

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
 * A meeting paper, stored in PostgreSQL under the same isolation as everything else; an easy-read
 * version points at the paper it explains.
 */
@Entity
@Table(name = "boards_paper")
@TenantOwned
public class Paper {

  @Id private UUID id;

  @Column(name = "meeting_id", nullable = false, updatable = false)
  private UUID meetingId;

  @Column(nullable = false)
  private String title;

  @Column(name = "easy_read_of", updatable = false)
  private String easyReadOf;

  @Column(name = "file_name", nullable = false, updatable = false)
  private String fileName;

  @Column(name = "content_type", nullable = false, updatable = false)
  private String contentType;

  @Column(name = "size_bytes", nullable = false, updatable = false)
  private long sizeBytes;

  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false, updatable = false)
  private byte[] content;

  @Column(name = "uploaded_at", nullable = false, updatable = false)
  private Instant uploadedAt;

  protected Paper() {}

  public Paper(
      UUID meetingId,
      String title,
      UUID easyReadOf,
      String fileName,
      String contentType,
      byte[] content,
      Instant now) {
    this.id = UUID.randomUUID();
    this.meetingId = meetingId;
    this.title = title;
    this.easyReadOf = easyReadOf == null ? null : easyReadOf.toString();
    this.fileName = fileName;
    this.contentType = contentType;
    this.sizeBytes = content.length;
    this.content = content;
    this.uploadedAt = now;
  }

  public UUID id() {
    return id;
  }

  public UUID meetingId() {
    return meetingId;
  }

  public String title() {
    return title;
  }

  public String easyReadOf() {
    return easyReadOf;
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
    return content;
  }
}
