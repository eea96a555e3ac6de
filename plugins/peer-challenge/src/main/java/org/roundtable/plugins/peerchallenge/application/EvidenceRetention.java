package org.roundtable.plugins.peerchallenge.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalTime;
import java.util.logging.Logger;
import org.roundtable.api.jobs.JobRun;
import org.roundtable.api.jobs.Schedule;
import org.roundtable.api.jobs.ScheduledJob;
import org.roundtable.api.time.UkTime;
import org.roundtable.plugins.peerchallenge.PeerChallengePlugin;

/**
 * Every night, in each council with the plugin on: erases the evidence of challenges past their
 * retention date ({@link Evidence#eraseDue}); the report and action plan are kept.
 */
@ApplicationScoped
public class EvidenceRetention implements ScheduledJob {

  private static final Logger LOG = Logger.getLogger(EvidenceRetention.class.getName());

  @Inject Evidence evidence;
  @Inject Clock clock;

  @Override
  public String pluginId() {
    return PeerChallengePlugin.ID;
  }

  @Override
  public String name() {
    return "evidence-retention";
  }

  @Override
  public Schedule schedule() {
    return Schedule.dailyAt(LocalTime.of(2, 30));
  }

  @Override
  public void run(JobRun run) {
    int erased = evidence.eraseDue(UkTime.today(clock));
    if (erased > 0) {
      LOG.info(() -> "Erased the evidence of " + erased + " challenges in " + run.tenant().slug());
    }
  }
}
