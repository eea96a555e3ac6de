package org.roundtable.plugins.peerchallenge.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;
import org.roundtable.api.persistence.TenantOwned;

/** An evidence note supporting a finding. */
@Entity
@Table(name = "peer_challenge_finding_evidence")
@IdClass(FindingEvidence.Key.class)
@TenantOwned
public class FindingEvidence {

  @Id
  @Column(name = "finding_id")
  private UUID findingId;

  @Id
  @Column(name = "note_id")
  private UUID noteId;

  protected FindingEvidence() {}

  public FindingEvidence(UUID findingId, UUID noteId) {
    this.findingId = findingId;
    this.noteId = noteId;
  }

  public UUID findingId() {
    return findingId;
  }

  public UUID noteId() {
    return noteId;
  }

  /** The composite key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    UUID findingId;
    UUID noteId;

    public Key() {}

    public Key(UUID findingId, UUID noteId) {
      this.findingId = findingId;
      this.noteId = noteId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.findingId.equals(findingId) && k.noteId.equals(noteId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(findingId, noteId);
    }
  }
}
