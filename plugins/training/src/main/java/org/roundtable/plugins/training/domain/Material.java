package org.roundtable.plugins.training.domain;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.roundtable.api.persistence.TenantOwned;

/** A course's material (a handout, slides), or the easy-read version of another. */
@Entity(name = "TrainingMaterial")
@Table(name = "training_material")
@TenantOwned
public class Material {

  @Id private UUID id;

  @Column(name = "course_id", nullable = false, updatable = false)
  private UUID courseId;

  @Column(nullable = false)
  private String title;

  /** The material this is the easy-read version of, as text (EclipseLink reads no null UUID). */
  @Column(name = "easy_read_of")
  private String easyReadOf;

  @Column(name = "file_name", nullable = false)
  private String fileName;

  @Column(name = "content_type", nullable = false)
  private String contentType;

  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false)
  private byte[] content;

  @Column(name = "size_bytes", nullable = false)
  private int sizeBytes;

  @Column(name = "uploaded_by", nullable = false)
  private UUID uploadedBy;

  @Column(name = "uploaded_at", nullable = false)
  private Instant uploadedAt;

  protected Material() {}

  public Material(
      UUID id,
      UUID courseId,
      String title,
      UUID easyReadOf,
      String fileName,
      String contentType,
      byte[] content,
      UUID uploadedBy,
      Instant uploadedAt) {
    this.id = id;
    this.courseId = courseId;
    this.title = title;
    this.easyReadOf = easyReadOf == null ? null : easyReadOf.toString();
    this.fileName = fileName;
    this.contentType = contentType;
    this.content = content;
    this.sizeBytes = content.length;
    this.uploadedBy = uploadedBy;
    this.uploadedAt = uploadedAt;
  }

  public UUID id() {
    return id;
  }

  public UUID courseId() {
    return courseId;
  }

  public String title() {
    return title;
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

  public byte[] content() {
    return content;
  }

  public int sizeBytes() {
    return sizeBytes;
  }
}
