package org.roundtable.core.persistence.internal;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.persistence.config.CacheIsolationType;
import org.eclipse.persistence.config.EntityManagerProperties;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.descriptors.SingleTableMultitenantPolicy;
import org.eclipse.persistence.internal.helper.DatabaseField;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.mappings.OneToOneMapping;
import org.eclipse.persistence.mappings.foundation.AbstractDirectMapping;
import org.eclipse.persistence.sessions.Session;
import org.roundtable.api.persistence.TenantOwned;

/**
 * Applies the application-level isolation lock to every entity declared {@link TenantOwned}, core
 * or plugin alike, without the entity naming any EclipseLink type.
 *
 * <p>For each such descriptor: a single-table tenant discriminator on its tenant column (so JPQL,
 * {@code find} and bulk updates get {@code WHERE tenant_id = ?} and persist fills it in), and an
 * isolated cache (never a cache shared across tenants: with a shared cache {@code em.find} served
 * one tenant's row to another from memory). Start-up fails if an entity maps the tenant column
 * itself, since the context would silently overwrite it.
 */
public class TenantPolicyCustomizer implements SessionCustomizer {

  @Override
  public void customize(Session session) {
    List<String> problems = new ArrayList<>();
    for (ClassDescriptor descriptor : session.getDescriptors().values()) {
      TenantOwned owned = descriptor.getJavaClass().getAnnotation(TenantOwned.class);
      if (owned == null) {
        continue;
      }
      String column = owned.column();
      for (DatabaseMapping mapping : descriptor.getMappings()) {
        if (mapsColumn(mapping, column)) {
          problems.add(
              descriptor.getJavaClassName()
                  + " maps its tenant column '"
                  + column
                  + "' itself; the platform owns that column");
        }
      }
      SingleTableMultitenantPolicy policy = new SingleTableMultitenantPolicy(descriptor);
      policy.addTenantDiscriminatorField(
          EntityManagerProperties.MULTITENANT_PROPERTY_DEFAULT,
          new DatabaseField(descriptor.getTableName() + "." + column));
      policy.setIncludeTenantCriteria(true);
      descriptor.setMultitenantPolicy(policy);
      descriptor.setCacheIsolation(CacheIsolationType.ISOLATED);
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Tenant-owned entities are mis-declared: " + problems);
    }
  }

  /** Whether a mapping (not yet initialised: only its declared fields are known) uses column. */
  private static boolean mapsColumn(DatabaseMapping mapping, String column) {
    if (mapping instanceof AbstractDirectMapping direct && direct.getField() != null) {
      return direct.getField().getName().equalsIgnoreCase(column);
    }
    if (mapping instanceof OneToOneMapping reference) {
      return reference.getSourceToTargetKeyFields().keySet().stream()
          .anyMatch(field -> field.getName().equalsIgnoreCase(column));
    }
    return false;
  }
}
