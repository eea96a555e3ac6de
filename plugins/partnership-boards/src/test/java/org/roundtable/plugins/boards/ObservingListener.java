package org.roundtable.plugins.boards;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.roundtable.api.events.EventListener;
import org.roundtable.api.events.PlatformEvent;
import org.roundtable.api.participation.ParticipationRecords;
import org.roundtable.api.platform.AuditTrail;

/**
 * TEST ONLY, deployed into the application under test: observes participation events by writing one
 * audit entry per event, and breaks off the first delivery of each event after writing it — as if
 * the process stopped half-way — so the test can see that the effect is still there once.
 */
@ApplicationScoped
public class ObservingListener implements EventListener {

  private final Set<UUID> interrupted = ConcurrentHashMap.newKeySet();

  @Inject AuditTrail audit;

  @Override
  public String pluginId() {
    return BoardsPlugin.ID;
  }

  @Override
  public Set<String> types() {
    return Set.of(
        ParticipationRecords.RECORDED,
        ParticipationRecords.CORRECTED,
        ParticipationRecords.WITHDRAWN);
  }

  @Override
  public void on(PlatformEvent event) {
    audit.record(
        "test.observed",
        "event",
        event.id().toString(),
        event.type() + " " + event.payload().getString("activityReference"));
    if (interrupted.add(event.id())) {
      throw new IllegalStateException("interrupted half-way (test)");
    }
  }
}
