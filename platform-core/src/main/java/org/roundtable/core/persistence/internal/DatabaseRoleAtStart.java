package org.roundtable.core.persistence.internal;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.roundtable.core.persistence.BrokenConnections;
import org.roundtable.core.persistence.DatabaseRoleCheck;

/**
 * Refuses to start on a database role that would make row-level security no boundary (a superuser,
 * BYPASSRLS, or an owner of tables): the deployment fails with each problem named. A database that
 * does not answer at start is not this check's business: readiness reports it, and the role is
 * checked when the application is next started.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseRoleAtStart {

  private static final Logger LOG = Logger.getLogger(DatabaseRoleAtStart.class.getName());

  @Resource(lookup = DataSources.APPLICATION)
  DataSource dataSource;

  @PostConstruct
  void check() {
    List<String> problems;
    try {
      problems = BrokenConnections.borrow(dataSource, DatabaseRoleCheck::problems);
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Could not check the application's database role at start", e);
      return;
    }
    if (!problems.isEmpty()) {
      String message = "Roundtable will not start: " + String.join("; ", problems);
      LOG.severe(message);
      throw new IllegalStateException(message);
    }
    LOG.info("The application's database role owns nothing and cannot bypass row-level security");
  }
}
