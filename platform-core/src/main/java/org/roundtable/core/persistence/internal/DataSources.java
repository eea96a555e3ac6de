package org.roundtable.core.persistence.internal;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's one datasource: the unprivileged application role, which owns nothing and
 * cannot bypass row-level security. Migrations run elsewhere, as the owner role (see {@code
 * Migrator}). Credentials come from MicroProfile Config (environment, system properties, mounted
 * files), never from the repository; a wrong password fails deployment. Every wait on the database
 * is bounded, so a database that is down or frozen makes requests fail within seconds (503, see
 * {@code DatabaseFaults}) instead of hanging.
 */
@DataSourceDefinition(
    name = DataSources.APPLICATION,
    className = "org.postgresql.ds.PGSimpleDataSource",
    url = "${MPCONFIG=roundtable.db.url}",
    user = "${MPCONFIG=roundtable.db.app-user}",
    password = "${MPCONFIG=roundtable.db.app-password}",
    minPoolSize = 2,
    maxPoolSize = 32,
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
      // A connection found dead is replaced alone: "fail all" also closed the connections other
      // requests were committing on, so one stale connection met by the dispatcher after an
      // outage failed a healthy request's commit (ADR 0033).
      "fish.payara.fail-all-connections=false",
      // Fail fast when the database is down or frozen (ADR 0015): a request waits at most 2 s for
      // a pooled connection (the default is 60 s), 2 s to open one, 5 s for any answer on the
      // wire (statement_timeout alone never fires on a frozen server); a statement may run 4 s
      // and wait 3 s for a lock. Validation at most every 10 s, not on every borrow.
      "fish.payara.max-wait-time-in-millis=2000",
      "fish.payara.validate-atmost-once-period-in-seconds=10",
      "connectTimeout=2",
      "loginTimeout=2",
      "socketTimeout=5",
      "options=-c statement_timeout=4000 -c lock_timeout=3000",
      "ApplicationName=roundtable",
      // EclipseLink binds UUIDs (and nulls) as text: let PostgreSQL infer the column type.
      "stringType=unspecified",
      // Batches of inserts (EclipseLink batch writing) sent as multi-row inserts.
      "reWriteBatchedInserts=true"
    })
@ApplicationScoped
public class DataSources {

  /** JNDI name of the application datasource. */
  public static final String APPLICATION = "java:app/jdbc/roundtable";
}
