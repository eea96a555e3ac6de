package org.roundtable.core.rest.internal;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.roundtable.api.security.RequiresPermission;
import org.roundtable.core.audit.AuditLog;
import org.roundtable.core.identity.Permissions;
import org.roundtable.core.request.ProblemException;
import org.roundtable.core.tenancy.TenantBinding;
import org.roundtable.core.tenancy.TenantRecord;

/** The tenant's own settings, as its administrators change them. */
@Path("v1/{tenant}/settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequiresPermission(Permissions.TENANT_MANAGE)
public class TenantSettingsResource {

  @Inject EntityManager entityManager;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** The council's settings (a class: see {@link MemberResource.MemberRequest}). */
  public static class TenantSettings {
    /** The council's name as members see it. */
    @NotBlank(message = "enter the council's name")
    @Size(max = 200)
    public String displayName;

    public TenantSettings() {}

    TenantSettings(String displayName) {
      this.displayName = displayName;
    }
  }

  @GET
  @Transactional
  @Operation(summary = "The council's settings")
  public TenantSettings get() {
    return new TenantSettings(current().displayName());
  }

  @PUT
  @Transactional
  @Operation(
      summary = "Change the council's settings",
      description = "The database is the truth: a later restart never undoes this change.")
  public TenantSettings update(
      @NotNull(message = "send the settings as JSON") @Valid TenantSettings settings) {
    TenantRecord tenant = current();
    tenant.rename(settings.displayName.strip(), clock.instant());
    audit.record("tenant.settings-changed", "tenant", tenant.id(), "displayName");
    return new TenantSettings(tenant.displayName());
  }

  private TenantRecord current() {
    String slug = TenantBinding.current().orElseThrow().slug();
    TenantRecord tenant = entityManager.find(TenantRecord.class, slug);
    if (tenant == null) {
      throw ProblemException.notFound("This council");
    }
    return tenant;
  }
}
