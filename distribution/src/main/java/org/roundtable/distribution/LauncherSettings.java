package org.roundtable.distribution;

import java.nio.file.Path;
import java.util.Optional;
import org.roundtable.steps.migration.DatabaseSettings;

/**
 * The run command's settings, each a system property or its environment form.
 *
 * @param port HTTP port
 * @param dataDir where the embedded database and Payara's files live
 * @param tenantsDir the tenant definitions
 * @param javaOptions JVM options for Payara Micro
 * @param keycloakPort HTTP port of the development Keycloak
 * @param mailPort SMTP port of the development mail server
 * @param pluginsDir an operator's own plugin JARs, added to the bundled ones
 */
record LauncherSettings(
    int port,
    Path dataDir,
    Path tenantsDir,
    String javaOptions,
    int keycloakPort,
    int mailPort,
    Optional<Path> pluginsDir) {

  /** Development JVM options: fast start, small heap. Not for production. */
  static final String DEV_JAVA_OPTIONS = "-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

  static LauncherSettings read() {
    return new LauncherSettings(
        Integer.parseInt(DatabaseSettings.optional("roundtable.port").orElse("8080")),
        Path.of(DatabaseSettings.optional("roundtable.data-dir").orElse(".roundtable"))
            .toAbsolutePath(),
        Path.of(DatabaseSettings.optional("roundtable.tenants.dir").orElse("tenants"))
            .toAbsolutePath(),
        DatabaseSettings.optional("roundtable.java-opts").orElse(DEV_JAVA_OPTIONS),
        Integer.parseInt(DatabaseSettings.optional("roundtable.keycloak.port").orElse("8180")),
        Integer.parseInt(DatabaseSettings.optional("roundtable.mail.dev-port").orElse("2525")),
        DatabaseSettings.optional("roundtable.plugins.dir").map(p -> Path.of(p).toAbsolutePath()));
  }
}
