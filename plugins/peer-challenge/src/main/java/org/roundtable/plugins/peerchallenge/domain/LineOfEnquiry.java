package org.roundtable.plugins.peerchallenge.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.roundtable.api.persistence.TenantOwned;

/** One key line of enquiry of a challenge: what the team looks into, in the host's words. */
@Entity
@Table(name = "peer_challenge_line")
@TenantOwned
public class LineOfEnquiry {

  @Id private UUID id;

  @Column(name = "challenge_id", nullable = false, updatable = false)
  private UUID challengeId;

  @Column(nullable = false)
  private int position;

  @Column(nullable = false)
  private String title;

  protected LineOfEnquiry() {}

  public LineOfEnquiry(UUID id, UUID challengeId, int position, String title) {
    this.id = id;
    this.challengeId = challengeId;
    this.position = position;
    this.title = title;
  }

  public UUID id() {
    return id;
  }

  public UUID challengeId() {
    return challengeId;
  }

  public int position() {
    return position;
  }

  public String title() {
    return title;
  }
}
