package org.roundtable.plugins.boards.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.roundtable.api.persistence.TenantOwned;

/** A board meeting: when and where (with the venue's accessibility facts), and its minutes. */
@Entity
@Table(name = "boards_meeting")
@TenantOwned
public class Meeting {

  /** Where the minutes are. */
  public enum MinutesStatus {
    NONE,
    DRAFT,
    APPROVED
  }

  @Id private UUID id;

  @Column(name = "board_id", nullable = false, updatable = false)
  private UUID boardId;

  @Column(nullable = false)
  private String title;

  @Column(name = "starts_at", nullable = false)
  private Instant startsAt;

  @Column(name = "duration_minutes", nullable = false)
  private int durationMinutes;

  private String venue;

  private String accessibility;

  @Column(name = "online_link")
  private String onlineLink;

  private String minutes;

  @Column(name = "minutes_status", nullable = false)
  private String minutesStatus = MinutesStatus.NONE.name();

  /** The iCalendar SEQUENCE: raised each time the meeting moves. */
  @Column(nullable = false)
  private int sequence;

  @Version private long version;

  protected Meeting() {}

  public Meeting(UUID id, UUID boardId, String title, Instant startsAt, int durationMinutes) {
    this.id = id;
    this.boardId = boardId;
    this.title = title;
    this.startsAt = startsAt;
    this.durationMinutes = durationMinutes;
  }

  public UUID id() {
    return id;
  }

  public UUID boardId() {
    return boardId;
  }

  public String title() {
    return title;
  }

  public Instant startsAt() {
    return startsAt;
  }

  public int durationMinutes() {
    return durationMinutes;
  }

  public String venue() {
    return venue;
  }

  public String accessibility() {
    return accessibility;
  }

  public String onlineLink() {
    return onlineLink;
  }

  public String minutes() {
    return minutes;
  }

  public MinutesStatus minutesStatus() {
    return MinutesStatus.valueOf(minutesStatus);
  }

  public int sequence() {
    return sequence;
  }

  public void place(String venue, String accessibility, String onlineLink) {
    this.venue = venue;
    this.accessibility = accessibility;
    this.onlineLink = onlineLink;
  }

  /** Moves the meeting; returns whether the time changed (members are told). */
  public boolean reschedule(Instant startsAt, int durationMinutes) {
    boolean moved = !startsAt.equals(this.startsAt) || durationMinutes != this.durationMinutes;
    this.startsAt = startsAt;
    this.durationMinutes = durationMinutes;
    if (moved) {
      sequence++;
    }
    return moved;
  }

  public void draftMinutes(String text) {
    if (minutesStatus() == MinutesStatus.APPROVED) {
      throw new IllegalStateException("approved minutes are not changed");
    }
    this.minutes = text;
    this.minutesStatus = MinutesStatus.DRAFT.name();
  }

  public void approveMinutes() {
    if (minutesStatus() != MinutesStatus.DRAFT) {
      throw new IllegalStateException("only draft minutes can be approved");
    }
    this.minutesStatus = MinutesStatus.APPROVED.name();
  }
}
