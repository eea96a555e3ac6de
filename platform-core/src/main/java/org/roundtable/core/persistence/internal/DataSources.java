package org.roundtable.core.persistence.internal;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's one datasource: the unprivileged application role, which owns nothing and
 * cannot bypass row-level security. Migrations run elsewhere, as the owner role (see {@code
 * Migrator}). Credentials come from MicroProfile Config (environment, system properties, mounted
 * files), never from the repository; a wrong password fails deployment.
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
      "fish.payara.fail-all-connections=true",
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
