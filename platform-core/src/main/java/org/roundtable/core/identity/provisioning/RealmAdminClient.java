package org.roundtable.core.identity.provisioning;

import static org.roundtable.core.request.JsonSupport.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.roundtable.core.tenancy.Tenant;
import org.roundtable.steps.keycloak.KeycloakHttp;

/**
 * Each realm's own administration client ({@code roundtable-admin}): a confidential client whose
 * service account holds only {@code manage-users}, {@code view-users}, {@code query-users} and
 * {@code view-realm} (to read role names) of that realm. Giving and taking people's roles and
 * inviting them use its token, which names one realm only, never the provisioning account's (which
 * Keycloak makes administrator of every realm it creates). Made for a realm that lacks it, new or
 * old, with its secret kept sealed.
 */
@ApplicationScoped
public class RealmAdminClient {

  public static final String CLIENT = "roundtable-admin";

  /** What the client's service account may do in its realm, and nothing else. */
  static final List<String> ROLES =
      List.of("manage-users", "view-users", "query-users", "view-realm");

  @Inject
  @ConfigProperty(name = "roundtable.keycloak.internal-url")
  Optional<String> internalUrl;

  @Inject ClientSecrets secrets;

  /** Whether this tenant's realm has its administration client's secret kept here. */
  public boolean isKept(Tenant tenant) {
    return secrets.find(tenant, CLIENT).isPresent();
  }

  /**
   * Makes the realm's administration client, with only its roles, and keeps its secret.
   *
   * @param provisionerToken the provisioning account's token (it made the realm)
   */
  void ensure(Tenant tenant, String keycloak, String provisionerToken) throws IOException {
    String realm = keycloak + "/admin/realms/" + KeycloakHttp.segment(tenant.realm());
    String clients = realm + "/clients";
    Optional<String> existing =
        KeycloakHttp.findId(clients + "?clientId=" + CLIENT, provisionerToken);
    if (existing.isEmpty()) {
      KeycloakHttp.post(
          clients,
          provisionerToken,
          JSON.createObjectBuilder()
              .add("clientId", CLIENT)
              .add("name", "Roundtable administration")
              .add("description", "Gives and takes people's roles; invites people")
              .add("enabled", true)
              .add("publicClient", false)
              .add("clientAuthenticatorType", "client-secret")
              .add("standardFlowEnabled", false)
              .add("implicitFlowEnabled", false)
              .add("directAccessGrantsEnabled", false)
              .add("serviceAccountsEnabled", true)
              .add("protocol", "openid-connect")
              .build()
              .toString());
    }
    String id = KeycloakHttp.firstId(clients + "?clientId=" + CLIENT, provisionerToken);
    String account =
        KeycloakHttp.getJson(
                clients + "/" + KeycloakHttp.segment(id) + "/service-account-user",
                provisionerToken)
            .asJsonObject()
            .getString("id");
    String management =
        KeycloakHttp.firstId(clients + "?clientId=realm-management", provisionerToken);
    JsonArrayBuilder roles = JSON.createArrayBuilder();
    for (String role : ROLES) {
      roles.add(
          KeycloakHttp.getJson(
                  clients
                      + "/"
                      + KeycloakHttp.segment(management)
                      + "/roles/"
                      + KeycloakHttp.segment(role),
                  provisionerToken)
              .asJsonObject());
    }
    KeycloakHttp.post(
        realm
            + "/users/"
            + KeycloakHttp.segment(account)
            + "/role-mappings/clients/"
            + KeycloakHttp.segment(management),
        provisionerToken,
        roles.build().toString());
    String secret =
        KeycloakHttp.actForJson(
                clients + "/" + KeycloakHttp.segment(id) + "/client-secret", provisionerToken)
            .getString("value");
    secrets.keep(tenant, CLIENT, secret);
  }

  /** A token of the realm's administration client: it can manage that realm's users only. */
  public String token(Tenant tenant) throws IOException {
    String secret =
        secrets
            .find(tenant, CLIENT)
            .orElseThrow(
                () ->
                    new IOException(
                        "The realm of " + tenant.slug() + " has no administration client yet"));
    return KeycloakHttp.token(
        internalUrl.orElseThrow(() -> new IOException("Keycloak is not configured")),
        tenant.realm(),
        Map.of("grant_type", "client_credentials", "client_id", CLIENT, "client_secret", secret));
  }
}
