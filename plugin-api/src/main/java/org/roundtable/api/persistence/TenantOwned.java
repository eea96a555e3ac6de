package org.roundtable.api.persistence;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a JPA entity as owned by one tenant (council).
 *
 * <p>Declaring it is all a plugin does for tenant isolation; the platform applies both locks:
 *
 * <ul>
 *   <li>the persistence layer fills in and filters the table's {@code tenant_id} column on every
 *       query, {@code find}, insert and bulk update, from the tenant the unit of work is bound to;
 *   <li>the table's changelog must enable and force PostgreSQL row-level security keyed on the
 *       transaction's tenant: {@code SELECT platform_isolate_by_tenant('my_table', '${app_role}',
 *       'SELECT, INSERT')} right after its {@code CREATE TABLE} (the database contract,
 *       docs/plugins/reference/entities-and-migrations.md).
 * </ul>
 *
 * <p>The entity must not map the {@code tenant_id} column itself (the platform refuses to start if
 * it does), and it is never held in a cache shared across tenants. Tables that reference each other
 * do so by {@code (tenant_id, id)}, and unique constraints include {@code tenant_id}.
 *
 * @since 1.0.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface TenantOwned {

  /**
   * The name of the column that holds the tenant id.
   *
   * @return the column name, {@code tenant_id} unless the table says otherwise
   * @since 1.0.0
   */
  String column() default "tenant_id";
}
