package org.roundtable.core.identity.provisioning;

import static org.roundtable.core.request.JsonSupport.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.logging.Logger;
import org.roundtable.api.plugin.Role;
import org.roundtable.core.identity.RoleRegistry;
import org.roundtable.core.tenancy.Tenant;
import org.roundtable.steps.keycloak.KeycloakHttp;

/**
 * Realms follow the platform: a realm made from an older template is brought up to date with the
 * current one — its settings, its clients (redirect addresses, flows; secrets are kept), and every
 * role of the registry (the platform's and the plugins') — when the template or the roles have
 * changed since it was last brought up to date (a hash of both is kept with the tenant), so an
 * unchanged realm costs nothing at start. Idempotent: running it again changes nothing.
 */
@ApplicationScoped
public class RealmUpdate {

  private static final Logger LOG = Logger.getLogger(RealmUpdate.class.getName());

  /** Top-level parts of a template updated by their own endpoints, not with the realm. */
  private static final Set<String> NOT_REALM_SETTINGS =
      Set.of("clients", "roles", "users", "groups", "defaultRole", "realm", "id");

  @Inject RoleRegistry roles;
  @Inject TenantHashes hashes;

  /**
   * Brings a realm up to date with its rendered template (its client secrets left out).
   *
   * @param justCreated the realm was made from this template a moment ago: only the registry's
   *     roles are added
   */
  public void bringUpToDate(
      Tenant tenant, String renderedTemplate, String keycloak, String token, boolean justCreated)
      throws IOException {
    bringUpToDate(tenant, renderedTemplate, keycloak, token, justCreated, true);
  }

  /**
   * Brings a realm up to date with its rendered template; with {@code registryRoles}, every role of
   * the registry too (a council's realm), else only the template's (the operators' realm).
   */
  public void bringUpToDate(
      Tenant tenant,
      String renderedTemplate,
      String keycloak,
      String token,
      boolean justCreated,
      boolean registryRoles)
      throws IOException {
    // Roles sorted: a hash that changed with their order brought every realm "up to date" at
    // almost every start (seconds of Keycloak calls before the platform was ready).
    String hash =
        hash(renderedTemplate + (registryRoles ? new java.util.TreeSet<>(roles.ids()) : ""));
    if (!justCreated && hashes.realmTemplate(tenant.slug()).filter(hash::equals).isPresent()) {
      return;
    }
    JsonObject template;
    try (var reader = JSON.createReader(new StringReader(renderedTemplate))) {
      template = reader.readObject();
    }
    String realm = keycloak + "/admin/realms/" + KeycloakHttp.segment(tenant.realm());
    if (!justCreated) {
      JsonObjectBuilder settings = JSON.createObjectBuilder();
      template.forEach(
          (key, value) -> {
            if (!NOT_REALM_SETTINGS.contains(key)) {
              settings.add(key, value);
            }
          });
      KeycloakHttp.put(realm, token, settings.build().toString());
      updateClients(realm, template, token);
    }
    ensureRoles(realm, template, token, registryRoles);
    hashes.keepRealmTemplate(tenant.slug(), hash);
    if (!justCreated) {
      LOG.info(() -> "Brought the realm of " + tenant.slug() + " up to date with its template");
    }
  }

  private void updateClients(String realm, JsonObject template, String token) throws IOException {
    for (JsonObject client : template.getJsonArray("clients").getValuesAs(JsonObject.class)) {
      String clientId = client.getString("clientId");
      var found = KeycloakHttp.findId(realm + "/clients?clientId=" + clientId, token);
      if (found.isEmpty()) {
        KeycloakHttp.post(realm + "/clients", token, client.toString());
        continue;
      }
      JsonObjectBuilder update = JSON.createObjectBuilder(client);
      update.remove("secret"); // the secret in use stays (it is kept sealed here)
      update.remove("protocolMappers");
      update.add("id", found.get());
      KeycloakHttp.put(
          realm + "/clients/" + KeycloakHttp.segment(found.get()),
          token,
          update.build().toString());
    }
  }

  /** Every role of the template and of the registry exists in the realm. */
  private void ensureRoles(String realm, JsonObject template, String token, boolean registryRoles)
      throws IOException {
    java.util.Map<String, String> wanted = new java.util.LinkedHashMap<>();
    if (template.get("roles") instanceof JsonObject r && r.get("realm") != null) {
      for (JsonObject role : r.getJsonArray("realm").getValuesAs(JsonObject.class)) {
        wanted.put(role.getString("name"), role.getString("description", ""));
      }
    }
    if (registryRoles) {
      for (Role role : roles.all()) {
        wanted.putIfAbsent(role.id(), role.description());
      }
    }
    for (var role : wanted.entrySet()) {
      int status =
          KeycloakHttp.status(realm + "/roles/" + KeycloakHttp.segment(role.getKey()), token);
      if (status == 404) {
        KeycloakHttp.post(
            realm + "/roles",
            token,
            JSON.createObjectBuilder()
                .add("name", role.getKey())
                .add("description", role.getValue())
                .build()
                .toString());
      }
    }
  }

  static String hash(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
