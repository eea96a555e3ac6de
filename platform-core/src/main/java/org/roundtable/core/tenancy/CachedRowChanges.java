package org.roundtable.core.tenancy;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.persistence.Table;

/**
 * A JPA entity listener on the entities the pod's caches are read from ({@link TenantRecord},
 * {@code PluginActivation}): whoever writes one through JPA, this pod's copies of its table go when
 * the write commits (ADR 0025). Fired during the flush, {@link TableChanged} reaches the caches at
 * the commit (they observe it {@code AFTER_SUCCESS}), so no writer has to remember it and none can
 * drop a copy before its change is visible. Bulk JPQL and native statements pass entity callbacks
 * by: their writers fire {@link TableChanged} themselves (the permission grants).
 */
public class CachedRowChanges {

  @Inject Event<TableChanged> changes;

  @PostPersist
  @PostUpdate
  @PostRemove
  void changed(Object row) {
    changes.fire(new TableChanged(row.getClass().getAnnotation(Table.class).name()));
  }
}
