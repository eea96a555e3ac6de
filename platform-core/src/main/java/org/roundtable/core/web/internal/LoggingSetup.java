package org.roundtable.core.web.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Routes the platform's loggers ({@code org.roundtable.*}) to structured JSON lines while the
 * application is deployed.
 */
@ApplicationScoped
public class LoggingSetup {

  private static final Logger ROOT = Logger.getLogger("org.roundtable");
  private final JsonLogHandler handler = new JsonLogHandler();

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    handler.setLevel(Level.ALL);
    ROOT.addHandler(handler);
    ROOT.setUseParentHandlers(false);
  }

  void stop(@Observes @Destroyed(ApplicationScoped.class) Object ignored) {
    ROOT.removeHandler(handler);
    ROOT.setUseParentHandlers(true);
  }
}
