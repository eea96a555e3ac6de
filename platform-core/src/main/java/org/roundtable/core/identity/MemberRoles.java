package org.roundtable.core.identity;

import static org.roundtable.core.request.JsonSupport.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.roundtable.api.errors.Conflict;
import org.roundtable.api.errors.Refused;
import org.roundtable.api.errors.Unavailable;
import org.roundtable.core.audit.AuditLog;
import org.roundtable.core.identity.provisioning.RealmAdminClient;
import org.roundtable.core.member.Member;
import org.roundtable.core.persistence.TenantTransactions;
import org.roundtable.core.tenancy.Tenant;
import org.roundtable.steps.keycloak.KeycloakHttp;

/**
 * Roles given in Roundtable: a council administrator gives a person roles from the registry and
 * takes them away; the change reaches Keycloak through the realm's own administration client and is
 * audited. Nobody removes the last administrator. The person's open sessions take the change at
 * their next refresh.
 */
@ApplicationScoped
public class MemberRoles {

  private static final Logger LOG = Logger.getLogger(MemberRoles.class.getName());

  @Inject RoleRegistry registry;
  @Inject RealmAdminClient adminClient;
  @Inject AuditLog audit;
  @Inject TenantTransactions transactions;

  @Inject
  @ConfigProperty(name = "roundtable.keycloak.internal-url")
  Optional<String> internalUrl;

  /** The registry's roles a person holds in the realm; empty for a person without a sign-in. */
  public Set<String> of(Tenant tenant, Member member) {
    if (member.subject().isEmpty()) {
      return Set.of();
    }
    try {
      return held(tenant, member.subject().get(), adminClient.token(tenant));
    } catch (IOException e) {
      throw unavailable(tenant, e);
    }
  }

  /**
   * Gives and takes roles so the person holds exactly these.
   *
   * @return the roles they hold now
   * @throws org.roundtable.api.errors.DomainException a validation problem for a role that does not
   *     exist, a conflict for a person without a sign-in or for taking away the last administrator
   */
  public Set<String> change(Tenant tenant, Member member, Set<String> wanted) {
    for (String role : wanted) {
      if (!registry.ids().contains(role)) {
        throw new Refused(
            "roles", "'" + role + "' is not a role; use one of " + new TreeSet<>(registry.ids()));
      }
    }
    String subject =
        member
            .subject()
            .orElseThrow(
                () ->
                    new Conflict(
                        "This person has no sign-in yet: invite them to sign in with these roles"));
    try {
      String token = adminClient.token(tenant);
      Set<String> current = held(tenant, subject, token);
      if (current.contains(RoleRegistry.ADMIN)
          && !wanted.contains(RoleRegistry.ADMIN)
          && administrators(tenant, token) <= 1) {
        throw new Conflict(
            "This is the council's last administrator: give someone else the role first");
      }
      Set<String> add = new LinkedHashSet<>(wanted);
      add.removeAll(current);
      Set<String> remove = new LinkedHashSet<>(current);
      remove.removeAll(wanted);
      String mappings =
          users(tenant) + "/" + KeycloakHttp.segment(subject) + "/role-mappings/realm";
      if (!add.isEmpty()) {
        KeycloakHttp.post(mappings, token, representations(tenant, add, token));
      }
      if (!remove.isEmpty()) {
        KeycloakHttp.delete(mappings, token, representations(tenant, remove, token));
      }
      if (!add.isEmpty() || !remove.isEmpty()) {
        StringBuilder what = new StringBuilder();
        add.forEach(r -> what.append(what.isEmpty() ? "" : " ").append('+').append(r));
        remove.forEach(r -> what.append(what.isEmpty() ? "" : " ").append('-').append(r));
        // Keycloak has changed: the audit entry is written in a transaction of its own.
        transactions.inTenant(
            tenant.ref(),
            () -> {
              audit.record(
                  "member.roles-changed", "member", member.id().toString(), what.toString());
              return null;
            });
      }
      return held(tenant, subject, token);
    } catch (IOException e) {
      throw unavailable(tenant, e);
    }
  }

  private Set<String> held(Tenant tenant, String subject, String token) throws IOException {
    Set<String> roles = new LinkedHashSet<>();
    for (JsonObject role :
        KeycloakHttp.getJson(
                users(tenant) + "/" + KeycloakHttp.segment(subject) + "/role-mappings/realm", token)
            .asJsonArray()
            .getValuesAs(JsonObject.class)) {
      if (registry.ids().contains(role.getString("name"))) {
        roles.add(role.getString("name"));
      }
    }
    return roles;
  }

  /** How many people hold the administrator role (counting stops at two). */
  private int administrators(Tenant tenant, String token) throws IOException {
    return KeycloakHttp.getJson(
            realm(tenant) + "/roles/" + RoleRegistry.ADMIN + "/users?first=0&max=2", token)
        .asJsonArray()
        .size();
  }

  private String representations(Tenant tenant, Set<String> names, String token)
      throws IOException {
    JsonArrayBuilder roles = JSON.createArrayBuilder();
    for (String name : names) {
      roles.add(
          KeycloakHttp.getJson(realm(tenant) + "/roles/" + KeycloakHttp.segment(name), token));
    }
    return roles.build().toString();
  }

  private String users(Tenant tenant) throws IOException {
    return realm(tenant) + "/users";
  }

  private String realm(Tenant tenant) throws IOException {
    return internalUrl.orElseThrow(() -> new IOException("Keycloak is not configured"))
        + "/admin/realms/"
        + KeycloakHttp.segment(tenant.realm());
  }

  private static Unavailable unavailable(Tenant tenant, IOException e) {
    LOG.log(Level.WARNING, "Could not reach the realm of " + tenant.slug(), e);
    return new Unavailable(
        "Roles cannot be read or changed just now: the sign-in service is not answering. Try"
            + " again in a minute.");
  }
}
