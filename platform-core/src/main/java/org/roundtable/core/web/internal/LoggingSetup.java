package org.roundtable.core.web.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Routes the platform's loggers ({@code org.roundtable.*}) to structured JSON lines while the
 * application is deployed. {@code roundtable.log.access=false} leaves out the line per request
 * (where the ingress logs requests already, or in tests that send tens of thousands).
 */
@ApplicationScoped
public class LoggingSetup {

  private static final Logger ROOT = Logger.getLogger("org.roundtable");
  private final JsonLogHandler handler = new JsonLogHandler();

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    handler.setLevel(Level.ALL);
    boolean access =
        ConfigProvider.getConfig()
            .getOptionalValue("roundtable.log.access", Boolean.class)
            .orElse(true);
    Logger.getLogger("org.roundtable.access").setLevel(access ? null : Level.OFF);
    ROOT.addHandler(handler);
    ROOT.setUseParentHandlers(false);
  }

  void stop(@Observes @Destroyed(ApplicationScoped.class) Object ignored) {
    ROOT.removeHandler(handler);
    ROOT.setUseParentHandlers(true);
  }
}
