package org.roundtable.api.jobs;

/**
 * A plugin's job that runs in each council that has the plugin on, when its {@link Schedule} says:
 * a CDI bean of the plugin implementing this interface. The platform runs it in one transaction
 * bound to the council (so what it reads and writes is that council's, under both isolation locks),
 * on one pod only: the run is leased in the database, and a pod that dies mid-run leaves it to
 * another when the lease ends. Throwing fails the run: it is rolled back, recorded for operators,
 * and tried again after a growing wait (never later than the next scheduled time).
 *
 * <p>A run must finish within {@link #LEASE}; work larger than that is done a batch per run, with a
 * schedule that comes round often enough. Runs may repeat after a failure, so a job must be
 * idempotent: a reminder records that it was sent, a sweep erases what is past its date.
 *
 * @since 1.8.0
 */
public interface ScheduledJob {

  /**
   * How long a run keeps the job to one pod.
   *
   * @since 1.8.0
   */
  java.time.Duration LEASE = java.time.Duration.ofMinutes(15);

  /**
   * @return the id of the plugin it belongs to (its switch decides whether it runs in a council)
   * @since 1.8.0
   */
  String pluginId();

  /**
   * @return its name within the plugin: lower-case letters, digits and hyphens, starting with a
   *     letter ({@code retention-sweep}); operators see it as {@code pluginId:name}
   * @since 1.8.0
   */
  String name();

  /**
   * @return when it runs
   * @since 1.8.0
   */
  Schedule schedule();

  /**
   * Does the job in the council that is bound.
   *
   * @param run the council and the run's moments
   * @since 1.8.0
   */
  void run(JobRun run);
}
