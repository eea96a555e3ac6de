package org.roundtable.plugins.training.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.roundtable.api.persistence.TenantOwned;

/** A course: what it is, who it is for, what people learn, how long it takes. */
@Entity
@Table(name = "training_course")
@TenantOwned
public class Course {

  @Id private UUID id;

  @Column(nullable = false)
  private String title;

  @Column(nullable = false)
  private String audience;

  @Column(nullable = false)
  private String summary;

  /** The learning outcomes, one a line. */
  @Column(nullable = false)
  private String outcomes;

  @Column(name = "length_minutes", nullable = false)
  private int lengthMinutes;

  @Column(name = "created_by", nullable = false, updatable = false)
  private UUID createdBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected Course() {}

  public Course(
      UUID id,
      String title,
      Audience audience,
      String summary,
      List<String> outcomes,
      Duration length,
      UUID createdBy,
      Instant createdAt) {
    this.id = id;
    this.title = title;
    this.audience = audience.name();
    this.summary = summary;
    this.outcomes = String.join("\n", outcomes);
    this.lengthMinutes = Math.toIntExact(length.toMinutes());
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  public UUID id() {
    return id;
  }

  public String title() {
    return title;
  }

  public Audience audience() {
    return Audience.valueOf(audience);
  }

  public String summary() {
    return summary;
  }

  /** The learning outcomes, in order. */
  public List<String> outcomes() {
    return Arrays.stream(outcomes.split("\n"))
        .map(String::strip)
        .filter(o -> !o.isEmpty())
        .toList();
  }

  public Duration length() {
    return Duration.ofMinutes(lengthMinutes);
  }

  /** Whether it is one of the members' own courses (the code of conduct applies). */
  public boolean forMembers() {
    return audience() == Audience.MEMBERS;
  }
}
