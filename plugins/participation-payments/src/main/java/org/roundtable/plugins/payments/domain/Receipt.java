package org.roundtable.plugins.payments.domain;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.roundtable.api.persistence.TenantOwned;

/** The receipt for an expense: a PDF or a photo, kept in PostgreSQL with the claim. */
@Entity
@Table(name = "payments_receipt")
@TenantOwned
public class Receipt {

  @Id
  @Column(name = "expense_id")
  private UUID expenseId;

  @Column(name = "file_name", nullable = false)
  private String fileName;

  @Column(name = "content_type", nullable = false)
  private String contentType;

  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false)
  private byte[] content;

  @Column(name = "uploaded_at", nullable = false)
  private Instant uploadedAt;

  protected Receipt() {}

  public Receipt(UUID expenseId, String fileName, String contentType, byte[] content, Instant now) {
    this.expenseId = expenseId;
    replace(fileName, contentType, content, now);
  }

  public final void replace(String fileName, String contentType, byte[] content, Instant now) {
    this.fileName = fileName;
    this.contentType = contentType;
    this.content = content.clone();
    this.uploadedAt = now;
  }

  public String fileName() {
    return fileName;
  }

  public String contentType() {
    return contentType;
  }

  public byte[] content() {
    return content.clone();
  }
}
