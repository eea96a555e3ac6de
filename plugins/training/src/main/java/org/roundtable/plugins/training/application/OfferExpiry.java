package org.roundtable.plugins.training.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.roundtable.api.jobs.JobRun;
import org.roundtable.api.jobs.Schedule;
import org.roundtable.api.jobs.ScheduledJob;
import org.roundtable.plugins.training.TrainingPlugin;

/** Every quarter of an hour: a place offered and not taken in time goes to the next person. */
@ApplicationScoped
public class OfferExpiry implements ScheduledJob {

  @Inject Bookings bookings;

  @Override
  public String pluginId() {
    return TrainingPlugin.ID;
  }

  @Override
  public String name() {
    return "waiting-list-offers";
  }

  @Override
  public Schedule schedule() {
    return Schedule.every(Duration.ofMinutes(15));
  }

  @Override
  public void run(JobRun run) {
    bookings.expireOffers();
  }
}
