package org.roundtable.plugins.peerchallenge.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.roundtable.api.errors.Conflict;
import org.roundtable.api.errors.Refused;
import org.roundtable.api.persistence.TenantOwned;

/**
 * A peer challenge of one host council by a team of peers: its scope, the question it answers, its
 * dates from the scoping meeting to the progress review, and where it is. Its evidence is kept
 * until {@link #retentionUntil()}, then erased; the report and action plan stay.
 */
@Entity
@Table(name = "peer_challenge_challenge")
@TenantOwned
public class Challenge {

  @Id private UUID id;

  @Column(name = "host_council", nullable = false)
  private String hostCouncil;

  @Column(nullable = false)
  private String scope;

  @Column(name = "focus_question", nullable = false)
  private String focusQuestion;

  @Column(nullable = false)
  private String status;

  @Column(name = "scoping_meeting_on")
  private LocalDate scopingMeetingOn;

  @Column(name = "on_site_from", nullable = false)
  private LocalDate onSiteFrom;

  @Column(name = "on_site_to", nullable = false)
  private LocalDate onSiteTo;

  @Column(name = "feedback_on")
  private LocalDate feedbackOn;

  @Column(name = "report_due_on")
  private LocalDate reportDueOn;

  @Column(name = "progress_review_on")
  private LocalDate progressReviewOn;

  @Column(name = "retention_until", nullable = false)
  private LocalDate retentionUntil;

  @Column(name = "evidence_erased_at")
  private Instant evidenceErasedAt;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "report_text")
  private String reportText;

  @Column(name = "report_released_at")
  private Instant reportReleasedAt;

  /** The lead peer who released it: a member id as text (a null UUID cannot be read). */
  @Column(name = "report_released_by")
  private String reportReleasedBy;

  @Column(name = "progress_review")
  private String progressReview;

  @Version private long version;

  protected Challenge() {}

  /**
   * @throws Refused when the visit ends before it starts, or the evidence would be erased before
   *     the visit ends
   */
  public Challenge(
      UUID id,
      String hostCouncil,
      String scope,
      String focusQuestion,
      Dates dates,
      LocalDate retentionUntil,
      Instant createdAt) {
    if (dates.onSiteTo().isBefore(dates.onSiteFrom())) {
      throw new Refused("onSiteTo", "the visit cannot end before it starts");
    }
    if (!retentionUntil.isAfter(dates.onSiteTo())) {
      throw new Refused("retentionUntil", "evidence is kept at least until the visit is over");
    }
    this.id = id;
    this.hostCouncil = hostCouncil;
    this.scope = scope;
    this.focusQuestion = focusQuestion;
    this.status = ChallengeStatus.SCOPING.name();
    this.scopingMeetingOn = dates.scopingMeetingOn();
    this.onSiteFrom = dates.onSiteFrom();
    this.onSiteTo = dates.onSiteTo();
    this.feedbackOn = dates.feedbackOn();
    this.reportDueOn = dates.reportDueOn();
    this.progressReviewOn = dates.progressReviewOn();
    this.retentionUntil = retentionUntil;
    this.createdAt = createdAt;
  }

  /**
   * A challenge's dates; only the days on site are required. They come in the order a challenge
   * runs: scoping, the days on site, feedback, the report, the progress review.
   */
  public record Dates(
      LocalDate scopingMeetingOn,
      LocalDate onSiteFrom,
      LocalDate onSiteTo,
      LocalDate feedbackOn,
      LocalDate reportDueOn,
      LocalDate progressReviewOn) {

    /**
     * These dates, checked before a challenge takes them.
     *
     * @return the same dates
     * @throws Refused for a date before the one it follows, naming the later one
     */
    public Dates inOrder() {
      inOrder(scopingMeetingOn, onSiteFrom, "onSiteFrom", "the days on site come after scoping");
      inOrder(onSiteFrom, onSiteTo, "onSiteTo", "the last day on site cannot be before the first");
      inOrder(
          onSiteFrom, feedbackOn, "feedbackOn", "the feedback comes after the first day on site");
      LocalDate visitEnds = feedbackOn != null ? feedbackOn : onSiteTo;
      inOrder(visitEnds, reportDueOn, "reportDueOn", "the report is due after the visit");
      inOrder(
          reportDueOn != null ? reportDueOn : visitEnds,
          progressReviewOn,
          "progressReviewOn",
          "the progress review comes after the report");
      return this;
    }

    private static void inOrder(LocalDate earlier, LocalDate later, String field, String message) {
      if (earlier != null && later != null && later.isBefore(earlier)) {
        throw new Refused(field, message);
      }
    }
  }

  public UUID id() {
    return id;
  }

  public String hostCouncil() {
    return hostCouncil;
  }

  public String scope() {
    return scope;
  }

  public String focusQuestion() {
    return focusQuestion;
  }

  public ChallengeStatus status() {
    return ChallengeStatus.valueOf(status);
  }

  public Dates dates() {
    return new Dates(
        scopingMeetingOn, onSiteFrom, onSiteTo, feedbackOn, reportDueOn, progressReviewOn);
  }

  public LocalDate retentionUntil() {
    return retentionUntil;
  }

  public Instant evidenceErasedAt() {
    return evidenceErasedAt;
  }

  public Instant createdAt() {
    return createdAt;
  }

  /**
   * Moves the challenge on one step.
   *
   * @throws Conflict for any other step
   */
  public void moveTo(ChallengeStatus next) {
    if (!status().mayMoveTo(next)) {
      throw new Conflict(
          "A challenge moves one step at a time: from "
              + status().name().toLowerCase()
              + " it can only move on to the next step");
    }
    this.status = next.name();
  }

  /** Whether its evidence is due to be erased on {@code today}. */
  public boolean evidenceDueForErasure(LocalDate today) {
    return evidenceErasedAt == null && today.isAfter(retentionUntil);
  }

  public String reportText() {
    return reportText;
  }

  public Instant reportReleasedAt() {
    return reportReleasedAt;
  }

  public String progressReview() {
    return progressReview;
  }

  /**
   * The team's draft of the report.
   *
   * @throws Conflict once it has been released to the host
   */
  public void draftReport(String text) {
    if (reportReleasedAt != null) {
      throw new Conflict("The report has been released to the host; it no longer changes");
    }
    this.reportText = text;
  }

  /**
   * Shares the report with the host.
   *
   * @throws Conflict without a draft, or when already released
   */
  public void releaseReport(UUID leadPeer, Instant at) {
    if (reportText == null || reportText.isBlank()) {
      throw new Conflict("Write the report before releasing it");
    }
    if (reportReleasedAt != null) {
      throw new Conflict("The report has been released already");
    }
    this.reportReleasedAt = at;
    this.reportReleasedBy = leadPeer.toString();
  }

  /** What the team found at the progress review, months later. */
  public void reviewProgress(String text) {
    this.progressReview = text;
  }

  /** Records that its evidence has been erased. */
  public void evidenceErased(Instant at) {
    this.evidenceErasedAt = at;
  }
}
