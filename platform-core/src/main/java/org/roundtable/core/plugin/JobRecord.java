package org.roundtable.core.plugin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.roundtable.api.persistence.TenantOwned;
import org.roundtable.core.persistence.Attempts;

/**
 * What a council's operators see of one plugin job's runs there: how many, when the last started,
 * finished and succeeded, which pod ran it, and the failures since the last success.
 */
@Entity
@Table(name = "platform_job_run")
@TenantOwned
public class JobRecord {

  @Id private String job;

  @Column(nullable = false)
  private long runs;

  @Column(nullable = false)
  private int failures;

  @Column(name = "last_started_at")
  private Instant lastStartedAt;

  @Column(name = "last_finished_at")
  private Instant lastFinishedAt;

  @Column(name = "last_succeeded_at")
  private Instant lastSucceededAt;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "last_pod")
  private String lastPod;

  protected JobRecord() {}

  JobRecord(String job) {
    this.job = job;
  }

  public String job() {
    return job;
  }

  public long runs() {
    return runs;
  }

  /** Failed runs since the last success. */
  public int failures() {
    return failures;
  }

  public Optional<Instant> lastStartedAt() {
    return Optional.ofNullable(lastStartedAt);
  }

  public Optional<Instant> lastFinishedAt() {
    return Optional.ofNullable(lastFinishedAt);
  }

  public Optional<Instant> lastSucceededAt() {
    return Optional.ofNullable(lastSucceededAt);
  }

  /** The last failure's class and message, while it has not succeeded since. */
  public Optional<String> lastError() {
    return Optional.ofNullable(lastError);
  }

  public Optional<String> lastPod() {
    return Optional.ofNullable(lastPod);
  }

  void succeeded(Instant started, Instant finished, String pod) {
    runs++;
    failures = 0;
    lastStartedAt = started;
    lastFinishedAt = finished;
    lastSucceededAt = finished;
    lastError = null;
    lastPod = pod;
  }

  void failed(Instant started, Instant finished, String pod, String error) {
    runs++;
    failures++;
    lastStartedAt = started;
    lastFinishedAt = finished;
    lastError = Attempts.error(error);
    lastPod = pod;
  }
}
