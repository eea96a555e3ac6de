package org.roundtable.plugins.training.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;
import org.roundtable.api.persistence.TenantOwned;

/** That someone has evaluated a session: no time, no link to what they said. */
@Entity
@Table(name = "training_evaluated")
@IdClass(Evaluated.Key.class)
@TenantOwned
public class Evaluated {

  @Id
  @Column(name = "session_id")
  private UUID sessionId;

  @Id
  @Column(name = "member_id")
  private UUID memberId;

  protected Evaluated() {}

  public Evaluated(UUID sessionId, UUID memberId) {
    this.sessionId = sessionId;
    this.memberId = memberId;
  }

  public UUID sessionId() {
    return sessionId;
  }

  public UUID memberId() {
    return memberId;
  }

  /** The composite key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    UUID sessionId;
    UUID memberId;

    public Key() {}

    public Key(UUID sessionId, UUID memberId) {
      this.sessionId = sessionId;
      this.memberId = memberId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.sessionId.equals(sessionId) && k.memberId.equals(memberId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(sessionId, memberId);
    }
  }
}
