package org.roundtable.testkit.fakes;

import java.util.ArrayList;
import java.util.List;
import org.roundtable.api.platform.AuditTrail;
import org.roundtable.api.tenancy.TenantContext;

/** Keeps the bound council's audit entries. */
public final class FakeAuditTrail implements AuditTrail {

  /** One entry. */
  public record Entry(String action, String resourceType, String resourceId, String details) {}

  private final PerCouncil<List<Entry>> entries;

  public FakeAuditTrail(TenantContext tenants) {
    entries = new PerCouncil<>(tenants, ArrayList::new);
  }

  @Override
  public void record(String action, String resourceType, String resourceId, String details) {
    entries.current().add(new Entry(action, resourceType, resourceId, details));
  }

  /** The bound council's entries, in order. */
  public List<Entry> entries() {
    return List.copyOf(entries.current());
  }
}
