package org.roundtable.core.persistence.internal;

import java.util.List;
import org.eclipse.persistence.config.EntityManagerProperties;
import org.eclipse.persistence.queries.DataReadQuery;
import org.eclipse.persistence.queries.SQLCall;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;
import org.roundtable.api.tenancy.TenantRef;
import org.roundtable.core.tenancy.TenantBinding;

/**
 * Feeds the bound tenant to both isolation locks, per unit of work.
 *
 * <ul>
 *   <li>Database lock: when a client session acquires its exclusive connection (the persistence
 *       unit runs with {@code eclipselink.jdbc.exclusive-connection.mode=Always}, so every read and
 *       write of a transaction shares it), {@code set_config('app.tenant_id', tenant, true)} sets
 *       the <em>transaction-local</em> setting that the row-level security policies read. Never
 *       {@code false}: a session-wide setting would leak to the next borrower of the connection.
 *   <li>Application lock: EclipseLink's tenant discriminator property on the client session.
 * </ul>
 *
 * <p>With no tenant bound, nothing is set: row-level security returns zero rows and EclipseLink
 * refuses queries on tenant-owned entities (fail closed).
 */
public class TenantSessionListener extends SessionEventAdapter {

  static final String SET_TENANT = "SELECT set_config('app.tenant_id', #TENANT, true)";

  @Override
  public void postAcquireClientSession(SessionEvent event) {
    TenantBinding.current()
        .ifPresent(
            tenant ->
                event
                    .getSession()
                    .setProperty(
                        EntityManagerProperties.MULTITENANT_PROPERTY_DEFAULT, tenant.slug()));
  }

  @Override
  public void postAcquireExclusiveConnection(SessionEvent event) {
    TenantBinding.current().ifPresent(tenant -> setDatabaseTenant(event.getSession(), tenant));
  }

  private static void setDatabaseTenant(Session session, TenantRef tenant) {
    DataReadQuery query = new DataReadQuery(new SQLCall(SET_TENANT));
    query.addArgument("TENANT", String.class);
    session.executeQuery(query, List.of(tenant.slug()));
  }
}
