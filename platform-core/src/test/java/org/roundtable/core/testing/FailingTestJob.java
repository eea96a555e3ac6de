package org.roundtable.core.testing;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.roundtable.api.jobs.JobRun;
import org.roundtable.api.jobs.Schedule;
import org.roundtable.api.jobs.ScheduledJob;

/** TEST ONLY: a boards job that always fails, the way a bug would. */
@ApplicationScoped
public class FailingTestJob implements ScheduledJob {

  @Override
  public String pluginId() {
    return "boards";
  }

  @Override
  public String name() {
    return "always-fails";
  }

  @Override
  public Schedule schedule() {
    return Schedule.every(Duration.ofHours(6));
  }

  @Override
  public void run(JobRun run) {
    throw new IllegalStateException("The reminder service is not configured");
  }
}
