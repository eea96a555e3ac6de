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
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.roundtable.api.tenancy.TenantRef;
import org.roundtable.api.web.FormFields;
import org.roundtable.api.web.FormSubmission;
import org.roundtable.api.web.Redirect;
import org.roundtable.core.identity.Operators;
import org.roundtable.core.onboarding.TenantOnboarding;
import org.roundtable.core.onboarding.TenantSignIn;
import org.roundtable.core.tenancy.Tenant;
import org.roundtable.core.tenancy.TenantRegistry;
import org.roundtable.steps.access.OperatorOnly;
import org.roundtable.steps.plugins.ReservedSlugs;

/**
 * The installation's operators, at {@code /platform/tenants}: every council, creating one (its
 * realm provisioned, its first administrator invited) and suspending or reactivating one. Operators
 * sign in through their own realm; nobody else sees these pages.
 */
@Path("platform/tenants")
@Controller
@OperatorOnly
@RequestScoped
public class OperatorPages {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  @Inject Models models;
  @Inject TenantRegistry registry;
  @Inject TenantOnboarding onboarding;
  @Inject TenantSignIn signIn;

  @GET
  public String list(@QueryParam("done") String done) {
    models.put("tenants", registry.all());
    models.put("pending", signIn.pending());
    models.put("done", done);
    return "operator/tenants.html";
  }

  @GET
  @Path("new")
  public String newTenant() {
    models.put("form", Map.of());
    return "operator/new-tenant.html";
  }

  @POST
  @Path("new")
  public String create(MultivaluedMap<String, String> form) {
    String slug = field(form, "slug").toLowerCase(java.util.Locale.ROOT);
    String name = field(form, "displayName");
    String email = field(form, "adminEmail");
    String first = field(form, "adminFirstName");
    String last = field(form, "adminLastName");
    return FormSubmission.of(models::put)
        .keeping(
            Map.of(
                "slug", slug,
                "displayName", name,
                "adminEmail", email,
                "adminFirstName", first,
                "adminLastName", last))
        .otherwiseOn("slug")
        .submit(
            errors -> {
              if (!TenantRef.isValidSlug(slug) || ReservedSlugs.isReserved(slug)) {
                errors.add(
                    "slug",
                    "Enter the council's address as lower-case letters, digits and hyphens, like"
                        + " calderdale (some words are kept for the platform)");
              }
              if (name.isEmpty() || name.length() > 200) {
                errors.add("displayName", "Enter the council's name, like Calderdale Council");
              }
              if (!EMAIL.matcher(email).matches()) {
                errors.add(
                    "adminEmail",
                    "Enter the first administrator's email address, like name@example.org");
              }
              if (first.isEmpty()) {
                errors.add("adminFirstName", "Enter the first administrator's first name");
              }
              if (last.isEmpty()) {
                errors.add("adminLastName", "Enter the first administrator's last name");
              }
              errors.refuseIfAny();
              Tenant tenant =
                  onboarding.create(
                      new TenantOnboarding.NewTenant(
                          slug, name, Optional.empty(), List.of(), email, first, last));
              return Redirect.to(Operators.REF, "tenants", outcome(tenant));
            },
            () -> "operator/new-tenant.html");
  }

  @POST
  @Path("{slug}/status")
  public String status(@PathParam("slug") String slug, @FormParam("status") String status) {
    Tenant tenant = registry.find(slug).orElseThrow(NotFoundException::new);
    Tenant.Status wanted =
        "SUSPENDED".equals(status) ? Tenant.Status.SUSPENDED : Tenant.Status.ACTIVE;
    onboarding.changeStatus(slug, wanted);
    return Redirect.to(
        Operators.REF,
        "tenants",
        tenant.displayName()
            + (wanted == Tenant.Status.SUSPENDED
                ? " is suspended: its pages and API answer 404 and its sessions have ended"
                : " is active again"));
  }

  @POST
  @Path("{slug}/sign-in")
  public String retrySignIn(@PathParam("slug") String slug) {
    if (registry.find(slug).isEmpty()) {
      throw new NotFoundException();
    }
    return Redirect.to(Operators.REF, "tenants", outcome(onboarding.retrySignIn(slug)));
  }

  private String outcome(Tenant tenant) {
    if (tenant.signIn() == Tenant.SignIn.READY) {
      return tenant.displayName() + " is set up: its first administrator has been invited";
    }
    return tenant.displayName()
        + " is registered but its sign-in is not set up yet: "
        + signIn.state(tenant).problem().orElse("no reason was given")
        + ". Put it right and try again below.";
  }

  private static String field(MultivaluedMap<String, String> form, String name) {
    return FormFields.text(form, name);
  }
}
