package org.roundtable.core.testing;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalTime;
import org.roundtable.api.jobs.JobRun;
import org.roundtable.api.jobs.Schedule;
import org.roundtable.api.jobs.ScheduledJob;
import org.roundtable.core.tenancy.TenantBinding;

/**
 * TEST ONLY: a boards job that takes a second (so two pods running it at once would overlap) and
 * fails unless its run's council is the one bound.
 */
@ApplicationScoped
public class TallyTestJob implements ScheduledJob {

  @Override
  public String pluginId() {
    return "boards";
  }

  @Override
  public String name() {
    return "tally";
  }

  @Override
  public Schedule schedule() {
    return Schedule.dailyAt(LocalTime.of(3, 0));
  }

  @Override
  public void run(JobRun run) {
    if (!TenantBinding.current().equals(java.util.Optional.of(run.tenant()))) {
      throw new IllegalStateException("Run for " + run.tenant() + " with another council bound");
    }
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
