package org.roundtable.plugins.boards.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;
import org.roundtable.api.persistence.TenantOwned;

/** Whether a board member was at a meeting: present, remote, apologies or absent. */
@Entity
@Table(name = "boards_attendance")
@IdClass(Attendance.Key.class)
@TenantOwned
public class Attendance {

  /** How someone attended. */
  public enum Status {
    PRESENT,
    REMOTE,
    APOLOGIES,
    ABSENT;

    /** Whether they took part (and so count towards quorum and participation). */
    public boolean tookPart() {
      return this == PRESENT || this == REMOTE;
    }
  }

  @Id
  @Column(name = "meeting_id")
  private UUID meetingId;

  @Id
  @Column(name = "member_id")
  private UUID memberId;

  @Column(nullable = false)
  private String status;

  protected Attendance() {}

  public Attendance(UUID meetingId, UUID memberId, Status status) {
    this.meetingId = meetingId;
    this.memberId = memberId;
    this.status = status.name();
  }

  public UUID meetingId() {
    return meetingId;
  }

  public UUID memberId() {
    return memberId;
  }

  public Status status() {
    return Status.valueOf(status);
  }

  public void change(Status newStatus) {
    this.status = newStatus.name();
  }

  /** The composite key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    UUID meetingId;
    UUID memberId;

    public Key() {}

    public Key(UUID meetingId, UUID memberId) {
      this.meetingId = meetingId;
      this.memberId = memberId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.meetingId.equals(meetingId) && k.memberId.equals(memberId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(meetingId, memberId);
    }
  }
}
