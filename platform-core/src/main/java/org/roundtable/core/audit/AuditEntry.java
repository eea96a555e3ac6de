package org.roundtable.core.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.roundtable.api.persistence.TenantOwned;

/** One write, as the append-only audit log keeps it. Never updated or deleted. */
@Entity
@Table(name = "audit_entry")
@TenantOwned
public class AuditEntry {

  @Id private UUID id;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(nullable = false, updatable = false)
  private String actor;

  // Text in Java: EclipseLink 4.0's UUID converter fails on NULL when reading.
  @Column(name = "on_behalf_of", updatable = false)
  private String onBehalfOf;

  @Column(nullable = false, updatable = false)
  private String action;

  @Column(name = "resource_type", nullable = false, updatable = false)
  private String resourceType;

  @Column(name = "resource_id", updatable = false)
  private String resourceId;

  @Column(name = "request_id", updatable = false)
  private String requestId;

  @Column(updatable = false)
  private String details;

  protected AuditEntry() {}

  AuditEntry(
      Instant occurredAt,
      String actor,
      UUID onBehalfOf,
      String action,
      String resourceType,
      String resourceId,
      String requestId,
      String details) {
    this.id = UUID.randomUUID();
    this.occurredAt = occurredAt;
    this.actor = actor;
    this.onBehalfOf = onBehalfOf == null ? null : onBehalfOf.toString();
    this.action = action;
    this.resourceType = resourceType;
    this.resourceId = resourceId;
    this.requestId = requestId;
    this.details = details;
  }

  public UUID id() {
    return id;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public String actor() {
    return actor;
  }

  public UUID onBehalfOf() {
    return onBehalfOf == null ? null : UUID.fromString(onBehalfOf);
  }

  public String action() {
    return action;
  }

  public String resourceType() {
    return resourceType;
  }

  public String resourceId() {
    return resourceId;
  }

  public String requestId() {
    return requestId;
  }

  public String details() {
    return details;
  }
}
