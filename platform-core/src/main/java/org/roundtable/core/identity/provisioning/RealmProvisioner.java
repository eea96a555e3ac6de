package org.roundtable.core.identity.provisioning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.roundtable.core.identity.internal.KeycloakHttp;
import org.roundtable.core.tenancy.Tenant;

/**
 * The one code path that creates a tenant's identity realm: development tenants, tenants from files
 * and (later) tenants created by operators all go through it. It calls Keycloak's admin REST API as
 * a service account that may only create realms (Keycloak makes a realm's creator its admin). The
 * realm is created whole in one call, so a failure half-way leaves nothing to undo and a retry is
 * safe; an existing realm is left as it is.
 */
@ApplicationScoped
public class RealmProvisioner {

  private static final Logger LOG = Logger.getLogger(RealmProvisioner.class.getName());
  private static final String DEFAULT_TEMPLATE = "identity/realm-template.json";

  @Inject
  @ConfigProperty(name = "roundtable.keycloak.internal-url")
  Optional<String> internalUrl;

  @Inject
  @ConfigProperty(
      name = "roundtable.keycloak.provisioner.client-id",
      defaultValue = "roundtable-provisioner")
  String clientId;

  @Inject
  @ConfigProperty(name = "roundtable.keycloak.provisioner.client-secret")
  Optional<String> clientSecret;

  @Inject
  @ConfigProperty(name = "roundtable.app.public-url", defaultValue = "http://localhost:8080")
  String appUrl;

  private final SecureRandom random = new SecureRandom();

  /** Whether Keycloak and the provisioning credential are configured. */
  public boolean isConfigured() {
    return internalUrl.isPresent() && clientSecret.isPresent();
  }

  /** Outcome of {@link #ensureRealm}. */
  public enum Outcome {
    CREATED,
    EXISTED
  }

  /**
   * Creates the tenant's realm from its template unless it exists.
   *
   * @param tenant the tenant
   * @param tenantFolder its folder of the tenant files, whose {@code realm.json} is the template;
   *     the platform's default template when absent
   */
  public Outcome ensureRealm(Tenant tenant, Optional<Path> tenantFolder) throws IOException {
    String keycloak = internalUrl.orElseThrow(() -> new IOException("Keycloak is not configured"));
    String token =
        KeycloakHttp.token(
            keycloak,
            "master",
            Map.of(
                "grant_type",
                "client_credentials",
                "client_id",
                clientId,
                "client_secret",
                clientSecret.orElseThrow()));
    int status = KeycloakHttp.status(keycloak + "/admin/realms/" + tenant.realm(), token);
    if (status == 200 || status == 403) {
      return Outcome.EXISTED;
    }
    KeycloakHttp.post(keycloak + "/admin/realms", token, render(template(tenantFolder), tenant));
    LOG.info(() -> "Created identity realm " + tenant.realm() + " for tenant " + tenant.slug());
    return Outcome.CREATED;
  }

  String render(String template, Tenant tenant) {
    return template
        .replace("${realm}", jsonText(tenant.realm()))
        .replace("${displayName}", jsonText(tenant.displayName()))
        .replace("${tenant}", jsonText(tenant.slug()))
        .replace("${appUrl}", jsonText(appUrl.replaceAll("/+$", "")))
        .replace("${webClientSecret}", newSecret());
  }

  private String newSecret() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String jsonText(String value) {
    String quoted = Json.createValue(value).toString();
    return quoted.substring(1, quoted.length() - 1);
  }

  private static String template(Optional<Path> tenantFolder) throws IOException {
    if (tenantFolder.isPresent() && Files.isRegularFile(tenantFolder.get().resolve("realm.json"))) {
      return Files.readString(tenantFolder.get().resolve("realm.json"));
    }
    try (InputStream in =
        RealmProvisioner.class.getClassLoader().getResourceAsStream(DEFAULT_TEMPLATE)) {
      if (in == null) {
        throw new IOException("The default realm template is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
