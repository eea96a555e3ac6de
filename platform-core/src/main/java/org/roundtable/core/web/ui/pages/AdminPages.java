package org.roundtable.core.web.ui.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.roundtable.api.plugin.PluginDescriptor;
import org.roundtable.api.security.RequiresPermission;
import org.roundtable.api.security.SignedIn;
import org.roundtable.api.time.UkTime;
import org.roundtable.api.web.FormErrors;
import org.roundtable.api.web.FormFields;
import org.roundtable.api.web.FormSubmission;
import org.roundtable.api.web.Redirect;
import org.roundtable.core.audit.AuditEntry;
import org.roundtable.core.audit.AuditLog;
import org.roundtable.core.identity.AccessControl;
import org.roundtable.core.identity.PermissionGrants;
import org.roundtable.core.identity.Permissions;
import org.roundtable.core.identity.RoleRegistry;
import org.roundtable.core.plugin.PluginActivations;
import org.roundtable.core.tenancy.TenantBinding;
import org.roundtable.core.web.ui.BrandingStore;
import org.roundtable.core.web.ui.SettingsForm;

/**
 * The council administrator's pages: plugins on and off and their settings (each plugin's form
 * built from its declarations), the council's branding, which roles hold which permissions, and the
 * audit log with filters.
 */
@Path("{tenant}/admin")
@Controller
@RequestScoped
public class AdminPages {

  @Inject RoleRegistry roleRegistry;
  @Inject Models models;
  @Inject AccessControl access;
  @Inject PluginActivations activations;
  @Inject BrandingStore branding;
  @Inject PermissionGrants grants;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** Administration's first page: what this person may administer (a 403 if nothing). */
  @GET
  @SignedIn
  public String index() {
    boolean manage = access.holds(Permissions.TENANT_MANAGE);
    boolean audits = access.holds(Permissions.AUDIT_READ);
    if (!manage && !audits) {
      access.require(Permissions.TENANT_MANAGE);
    }
    models.put("manage", manage);
    models.put("audits", audits);
    return "admin/index.html";
  }

  @GET
  @Path("plugins")
  @RequiresPermission(Permissions.TENANT_MANAGE)
  public String plugins(@QueryParam("done") String done) {
    models.put("plugins", activations.all());
    models.put("done", done);
    return "admin/plugins.html";
  }

  @POST
  @Path("plugins/{plugin}/switch")
  @RequiresPermission(Permissions.TENANT_MANAGE)
  public String switchPlugin(
      @PathParam("plugin") String pluginId, @FormParam("enabled") String enabled) {
    PluginActivations.State state = state(pluginId);
    boolean on = "true".equals(enabled);
    activations.change(pluginId, on, Optional.empty());
    String done = state.plugin().name() + (on ? " is switched on" : " is switched off");
    return Redirect.to(tenant(), "admin/plugins", done);
  }

  @GET
  @Path("plugins/{plugin}")
  @RequiresPermission(Permissions.TENANT_MANAGE)
  public String pluginSettings(
      @PathParam("plugin") String pluginId, @QueryParam("done") String done) {
    PluginActivations.State state = state(pluginId);
    models.put("plugin", state);
    models.put("fields", SettingsForm.fields(state.plugin(), state.settings(), today()));
    models.put("done", done);
    return "admin/plugin-settings.html";
  }

  @POST
  @Path("plugins/{plugin}")
  @RequiresPermission(Permissions.TENANT_MANAGE)
  public String saveSettings(
      @PathParam("plugin") String pluginId, MultivaluedMap<String, String> form) {
    PluginActivations.State state = state(pluginId);
    SettingsForm.Submitted submitted =
        SettingsForm.read(state.plugin(), state.settings(), form, today());
    models.put("plugin", state);
    models.put("fields", submitted.fields());
    FormSubmission settings = FormSubmission.of(models::put);
    state.plugin().settings().forEach(s -> settings.field("settings." + s.key(), s.key()));
    return settings.submit(
        errors -> {
          submitted.errors().all().forEach(e -> errors.add(e.field(), e.message()));
          errors.refuseIfAny();
          activations.change(pluginId, state.enabled(), Optional.of(submitted.settings()));
          return Redirect.to(tenant(), "admin/plugins/" + pluginId, "The settings have been saved");
        },
        () -> "admin/plugin-settings.html");
  }

  @GET
  @Path("branding")
  @RequiresPermission(Permissions.TENANT_MANAGE)
  public String branding(@QueryParam("done") String done) {
    models.put("colour", branding.look().colour());
    models.put("done", done);
    return "admin/branding.html";
  }

  @POST
  @Path("branding")
  @RequiresPermission(Permissions.TENANT_MANAGE)
  public String saveColour(@FormParam("colour") String colour) {
    models.put("colour", colour);
    return FormSubmission.of(models::put)
        .submit(
            errors -> {
              Optional<String> checked = BrandingStore.colour(colour, "colour", errors);
              errors.refuseIfAny();
              branding.changeColour(checked.orElseThrow());
              return Redirect.to(tenant(), "admin/branding", "The council's look has been saved");
            },
            () -> "admin/branding.html");
  }

  @POST
  @Path("branding/logo")
  @RequiresPermission(Permissions.TENANT_MANAGE)
  @jakarta.ws.rs.Consumes(MediaType.MULTIPART_FORM_DATA)
  public String saveLogo(@FormParam("logo") EntityPart logo, @FormParam("remove") String remove)
      throws IOException {
    if (remove != null) {
      branding.removeLogo();
      return Redirect.to(tenant(), "admin/branding", "The council's look has been saved");
    }
    byte[] bytes = new byte[0];
    if (logo != null) {
      try (InputStream in = logo.getContent()) {
        bytes = in.readNBytes(BrandingStore.LOGO_LIMIT + 1);
      }
    }
    byte[] read = bytes;
    return FormSubmission.of(models::put)
        .submit(
            errors -> {
              Optional<String> type = BrandingStore.logoType(read, "logo", errors);
              errors.refuseIfAny();
              branding.changeLogo(read, type.orElseThrow());
              return Redirect.to(tenant(), "admin/branding", "The council's look has been saved");
            },
            () -> {
              models.put("colour", branding.look().colour());
              return "admin/branding.html";
            });
  }

  @GET
  @Path("permissions")
  @RequiresPermission(Permissions.TENANT_MANAGE)
  public String permissions(@QueryParam("done") String done) {
    models.put("grants", grants.all());
    models.put("roles", roleRegistry.all().stream().map(r -> r.id()).toList());
    Map<String, String> names = new java.util.LinkedHashMap<>();
    roleRegistry.all().forEach(r -> names.put(r.id(), r.name()));
    models.put("roleNames", names);
    models.put("done", done);
    return "admin/permissions.html";
  }

  @POST
  @Path("permissions")
  @RequiresPermission(Permissions.TENANT_MANAGE)
  public String savePermission(
      @FormParam("permission") String permission, MultivaluedMap<String, String> form) {
    if (permission == null || grants.definition(permission).isEmpty()) {
      throw new NotFoundException();
    }
    List<String> chosen = Optional.ofNullable(form.get("roles")).orElse(List.of());
    Set<String> roles = new LinkedHashSet<>();
    chosen.stream().filter(roleRegistry.ids()::contains).forEach(roles::add);
    grants.replace(permission, roles);
    return Redirect.to(tenant(), "admin/permissions", "The permissions have been saved");
  }

  @GET
  @Path("audit")
  @RequiresPermission(Permissions.AUDIT_READ)
  public String audit(
      @QueryParam("action") String action,
      @QueryParam("actor") String actor,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    FormErrors errors = new FormErrors();
    Optional<LocalDate> fromDay = day(from, "from", errors);
    Optional<LocalDate> toDay = day(to, "to", errors);
    List<AuditEntry> entries =
        errors.isEmpty()
            ? audit.search(
                blankToEmpty(action),
                blankToEmpty(actor),
                fromDay.map(d -> d.atStartOfDay(UkTime.ZONE).toInstant()),
                toDay.map(d -> d.plusDays(1).atStartOfDay(UkTime.ZONE).toInstant()),
                200)
            : List.of();
    models.put("entries", entries);
    models.put("action", action == null ? "" : action);
    models.put("actor", actor == null ? "" : actor);
    models.put("from", from == null ? "" : from);
    models.put("to", to == null ? "" : to);
    if (!errors.isEmpty()) {
      models.put("errors", errors);
    }
    return "admin/audit.html";
  }

  private static Optional<LocalDate> day(String text, String field, FormErrors errors) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    Optional<LocalDate> day = FormFields.day(text);
    if (day.isEmpty()) {
      errors.add(field, "Enter the date like 24/11/2026");
    }
    return day;
  }

  private static Optional<String> blankToEmpty(String text) {
    return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.strip());
  }

  private PluginActivations.State state(String pluginId) {
    return activations.all().stream()
        .filter(state -> state.plugin().id().equals(pluginId))
        .findFirst()
        .orElseThrow(NotFoundException::new);
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(UkTime.ZONE));
  }

  private static org.roundtable.api.tenancy.TenantRef tenant() {
    return TenantBinding.current().orElseThrow();
  }

  /** For templates: a plugin's descriptor. */
  public static PluginDescriptor plugin(PluginActivations.State state) {
    return state.plugin();
  }
}
