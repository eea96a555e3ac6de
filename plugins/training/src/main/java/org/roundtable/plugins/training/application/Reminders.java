package org.roundtable.plugins.training.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.roundtable.api.jobs.JobRun;
import org.roundtable.api.jobs.Schedule;
import org.roundtable.api.jobs.ScheduledJob;
import org.roundtable.plugins.training.TrainingPlugin;

/** Every hour: reminds people with a place on a session that starts within the reminder time. */
@ApplicationScoped
public class Reminders implements ScheduledJob {

  @Inject Bookings bookings;

  @Override
  public String pluginId() {
    return TrainingPlugin.ID;
  }

  @Override
  public String name() {
    return "session-reminders";
  }

  @Override
  public Schedule schedule() {
    return Schedule.every(Duration.ofHours(1));
  }

  @Override
  public void run(JobRun run) {
    bookings.remindDue();
  }
}
