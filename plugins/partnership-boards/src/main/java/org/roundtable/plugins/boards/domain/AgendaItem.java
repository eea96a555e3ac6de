package org.roundtable.plugins.boards.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.roundtable.api.persistence.TenantOwned;

/** One item on a meeting's agenda: a standard item, or one a board member proposed. */
@Entity
@Table(name = "boards_agenda_item")
@TenantOwned
public class AgendaItem {

  @Id private UUID id;

  @Column(name = "meeting_id", nullable = false, updatable = false)
  private UUID meetingId;

  @Column(nullable = false)
  private int position;

  @Column(nullable = false)
  private String title;

  private String description;

  /** The member who proposed it, or null for a standard item. */
  @Column(name = "proposed_by")
  private String proposedBy;

  @Column(nullable = false)
  private boolean confidential;

  protected AgendaItem() {}

  public AgendaItem(
      UUID id,
      UUID meetingId,
      int position,
      String title,
      String description,
      String proposedBy,
      boolean confidential) {
    this.id = id;
    this.meetingId = meetingId;
    this.position = position;
    this.title = title;
    this.description = description;
    this.proposedBy = proposedBy;
    this.confidential = confidential;
  }

  public UUID id() {
    return id;
  }

  public int position() {
    return position;
  }

  public String title() {
    return title;
  }

  public String description() {
    return description;
  }

  public String proposedBy() {
    return proposedBy;
  }

  public boolean confidential() {
    return confidential;
  }

  public void moveTo(int newPosition) {
    this.position = newPosition;
  }
}
