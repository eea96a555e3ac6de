package org.roundtable.plugins.peerchallenge.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.roundtable.api.persistence.TenantOwned;

/** A line of the team's reading log: a team member has read a document of the library. */
@Entity
@Table(name = "peer_challenge_reading")
@IdClass(Reading.Key.class)
@TenantOwned
public class Reading {

  @Id
  @Column(name = "document_id")
  private UUID documentId;

  @Id
  @Column(name = "member_id")
  private UUID memberId;

  @Column(name = "read_at", nullable = false)
  private Instant readAt;

  protected Reading() {}

  public Reading(UUID documentId, UUID memberId, Instant readAt) {
    this.documentId = documentId;
    this.memberId = memberId;
    this.readAt = readAt;
  }

  public UUID documentId() {
    return documentId;
  }

  public UUID memberId() {
    return memberId;
  }

  public Instant readAt() {
    return readAt;
  }

  /** The composite key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    UUID documentId;
    UUID memberId;

    public Key() {}

    public Key(UUID documentId, UUID memberId) {
      this.documentId = documentId;
      this.memberId = memberId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.documentId.equals(documentId) && k.memberId.equals(memberId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(documentId, memberId);
    }
  }
}
