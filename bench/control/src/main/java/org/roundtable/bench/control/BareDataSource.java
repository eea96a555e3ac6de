package org.roundtable.bench.control;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The platform's application role on the platform's database, with the same pool and driver
 * settings as the platform's own datasource, so the comparison measures the platform's code and
 * not a different pool. Credentials come from MicroProfile Config ({@code BARE_DB_URL}, {@code
 * BARE_DB_USER}, {@code BARE_DB_PASSWORD} in the environment).
 */
@DataSourceDefinition(
    name = BareDataSource.NAME,
    className = "org.postgresql.ds.PGSimpleDataSource",
    url = "${MPCONFIG=bare.db.url}",
    user = "${MPCONFIG=bare.db.user}",
    password = "${MPCONFIG=bare.db.password}",
    minPoolSize = 2,
    maxPoolSize = 32,
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
      "fish.payara.fail-all-connections=false",
      "fish.payara.max-wait-time-in-millis=2000",
      "fish.payara.validate-atmost-once-period-in-seconds=10",
      "connectTimeout=2",
      "loginTimeout=2",
      "socketTimeout=5",
      "options=-c statement_timeout=4000 -c lock_timeout=3000",
      "ApplicationName=bare-control",
      "stringType=unspecified",
      "reWriteBatchedInserts=true"
    })
@ApplicationScoped
public class BareDataSource {

  /** JNDI name of the datasource. */
  public static final String NAME = "java:app/jdbc/bare";
}
