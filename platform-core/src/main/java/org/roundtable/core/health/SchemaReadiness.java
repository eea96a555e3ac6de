package org.roundtable.core.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.roundtable.core.persistence.BrokenConnections;
import org.roundtable.core.persistence.internal.DataSources;
import org.roundtable.steps.migration.ExpectedChangesets;
import org.roundtable.steps.migration.MigrationException;
import org.roundtable.steps.migration.SchemaStatus;

/**
 * Ready only when the database answers and holds every changeset this build expects. The
 * application never migrates: until the migrator has run, it is not ready. The schema is first
 * checked as the application starts, beside the rest of its start-up. The changesets expected are
 * the ones the assembly listed in the WAR: Liquibase is not in it (ADR 0041).
 */
@Readiness
@ApplicationScoped
public class SchemaReadiness implements HealthCheck {

  private static final Logger LOG = Logger.getLogger(SchemaReadiness.class.getName());

  @Resource(lookup = DataSources.APPLICATION)
  DataSource dataSource;

  @Resource ManagedExecutorService executor;

  private volatile boolean current;
  private final Object checking = new Object();

  void checkAtStart(@Observes @Initialized(ApplicationScoped.class) Object application) {
    executor.execute(
        () -> {
          try {
            BrokenConnections.borrow(dataSource, this::schemaIsCurrent);
          } catch (SQLException | RuntimeException e) {
            // The probes check again and say why.
            LOG.fine(() -> "The schema could not be checked at start: " + e);
          }
        });
  }

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("database");
    try {
      return BrokenConnections.borrow(
          dataSource,
          connection -> {
            if (!connection.isValid(2)) {
              return response.down().withData("reason", "database does not answer").build();
            }
            List<String> pending = schemaIsCurrent(connection);
            if (!pending.isEmpty()) {
              return response
                  .down()
                  .withData("reason", "schema is not current: run the migrator")
                  .withData("pending", pending.size())
                  .build();
            }
            return response.up().build();
          });
    } catch (SQLException e) {
      return response.down().withData("reason", "database is not reachable").build();
    } catch (MigrationException e) {
      LOG.warning(
          () ->
              "Cannot check the schema: "
                  + e.getMessage()
                  + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
      return response.down().withData("reason", "schema cannot be checked: see the log").build();
    }
  }

  /** The changesets still to run; none once they were all there (it is not checked again). */
  private List<String> schemaIsCurrent(Connection connection) {
    synchronized (checking) {
      if (current) {
        return List.of();
      }
      ExpectedChangesets expected =
          ExpectedChangesets.in(SchemaReadiness.class.getClassLoader())
              .orElseThrow(
                  () ->
                      new MigrationException(
                          "This application was not assembled: it holds no "
                              + ExpectedChangesets.RESOURCE
                              + " (deploy the WAR the assembly step writes)"));
      List<String> pending = new SchemaStatus(expected).pending(connection);
      if (pending.isEmpty()) {
        current = true;
        LOG.info("The database schema is current");
      }
      return pending;
    }
  }
}
