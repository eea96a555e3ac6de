package org.roundtable.plugins.peerchallenge.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.roundtable.api.errors.Refused;
import org.roundtable.api.persistence.TenantOwned;

/**
 * One entry of the on-site schedule: an interview, focus group, case-file review, visit, team
 * meeting or debrief; when, where, and how to get there and in. Its calendar invitation keeps one
 * UID and a rising sequence, so a moved session updates the entry in people's calendars.
 */
@Entity
@Table(name = "peer_challenge_session")
@TenantOwned
public class Session {

  /** What a session is. */
  public enum Kind {
    INTERVIEW("Interview"),
    FOCUS_GROUP("Focus group"),
    CASE_FILE_REVIEW("Case-file review"),
    VISIT("Visit"),
    TEAM_MEETING("Team meeting"),
    DEBRIEF("Daily debrief");

    private final String words;

    Kind(String words) {
      this.words = words;
    }

    /** The kind in plain words. */
    public String words() {
      return words;
    }
  }

  @Id private UUID id;

  @Column(name = "challenge_id", nullable = false, updatable = false)
  private UUID challengeId;

  @Column(nullable = false)
  private String kind;

  @Column(nullable = false)
  private String title;

  @Column(name = "starts_at", nullable = false)
  private Instant startsAt;

  @Column(name = "ends_at", nullable = false)
  private Instant endsAt;

  @Column private String place;

  @Column(name = "access_info")
  private String accessInfo;

  @Column(nullable = false)
  private int sequence;

  @Version private long version;

  protected Session() {}

  /**
   * @throws Refused when it ends before it starts
   */
  public Session(
      UUID id,
      UUID challengeId,
      Kind kind,
      String title,
      Instant startsAt,
      Instant endsAt,
      String place,
      String accessInfo) {
    requireOrder(startsAt, endsAt);
    this.id = id;
    this.challengeId = challengeId;
    this.kind = kind.name();
    this.title = title;
    this.startsAt = startsAt;
    this.endsAt = endsAt;
    this.place = place;
    this.accessInfo = accessInfo;
  }

  public UUID id() {
    return id;
  }

  public UUID challengeId() {
    return challengeId;
  }

  public Kind kind() {
    return Kind.valueOf(kind);
  }

  public String title() {
    return title;
  }

  public Instant startsAt() {
    return startsAt;
  }

  public Instant endsAt() {
    return endsAt;
  }

  public String place() {
    return place;
  }

  public String accessInfo() {
    return accessInfo;
  }

  public int sequence() {
    return sequence;
  }

  /**
   * Moves it; its calendar entry's sequence rises.
   *
   * @throws Refused when it would end before it starts
   */
  public void move(Instant newStart, Instant newEnd, String newPlace, String newAccess) {
    requireOrder(newStart, newEnd);
    this.startsAt = newStart;
    this.endsAt = newEnd;
    this.place = newPlace;
    this.accessInfo = newAccess;
    this.sequence++;
  }

  private static void requireOrder(Instant start, Instant end) {
    if (!end.isAfter(start)) {
      throw new Refused("endsAt", "the session must end after it starts");
    }
  }
}
