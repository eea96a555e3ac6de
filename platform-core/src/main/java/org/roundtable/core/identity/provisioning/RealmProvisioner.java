package org.roundtable.core.identity.provisioning;

import static org.roundtable.core.request.JsonSupport.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.roundtable.core.mail.MailOutbox;
import org.roundtable.core.mail.MailSettings;
import org.roundtable.core.mail.Mailer;
import org.roundtable.core.persistence.EncryptionSettings;
import org.roundtable.core.persistence.TenantTransactions;
import org.roundtable.core.tenancy.PublicAddress;
import org.roundtable.core.tenancy.Tenant;
import org.roundtable.steps.keycloak.KeycloakHttp;

/**
 * The one code path that creates a tenant's identity realm: development tenants, tenants from files
 * and (later) tenants created by operators all go through it. It calls Keycloak's admin REST API as
 * a service account that may only create realms (Keycloak makes a realm's creator its admin). The
 * realm is created whole in one call, so a failure half-way leaves nothing to undo and a retry is
 * safe; an existing realm is brought up to date ({@link RealmUpdate}).
 *
 * <p>Longer than most classes on purpose: every call here shares the provisioning token, the
 * realm's admin address and the one check that a realm is Roundtable's own before anything is
 * changed in it (a 403 means it is not); splitting them would spread that check over several
 * classes.
 */
@ApplicationScoped
public class RealmProvisioner {

  private static final Logger LOG = Logger.getLogger(RealmProvisioner.class.getName());
  private static final String DEFAULT_TEMPLATE = "identity/realm-template.json";
  private static final String OPERATOR_TEMPLATE = "identity/operator-realm-template.json";
  private static final String WEB_CLIENT = WebClientSecrets.WEB_CLIENT;

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

  @Inject PublicAddress address;
  @Inject MailSettings mail;
  @Inject EncryptionSettings encryptionSettings;
  @Inject TenantTransactions transactions;
  @Inject EntityManager entityManager;
  @Inject MailOutbox outbox;
  @Inject ClientSecrets secrets;
  @Inject RealmAdminClient adminClient;
  @Inject RealmUpdate update;

  private final SecureRandom random = new SecureRandom();

  /** The provisioning account's last token, reused until shortly before it expires. */
  private volatile ServiceToken serviceToken;

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
    return ensureRealm(tenant, tenantFolder, Set.of());
  }

  /**
   * As {@link #ensureRealm(Tenant, Optional)}, for a pass over many councils: a realm named in
   * {@code existing} (from {@link #existingRealms()}) is not asked about again, so a council whose
   * realm and template are unchanged costs no call to Keycloak.
   */
  public Outcome ensureRealm(Tenant tenant, Optional<Path> tenantFolder, Set<String> existing)
      throws IOException {
    String template = template(tenantFolder);
    String webClientSecret = newSecret();
    Outcome outcome =
        existing.contains(tenant.realm())
            ? Outcome.EXISTED
            : ensure(tenant, template.replace("${webClientSecret}", webClientSecret));
    if (outcome == Outcome.CREATED) {
      keepSecret(tenant, WEB_CLIENT, webClientSecret);
    }
    // Realms follow the platform: an older realm takes the current template and every role of
    // the registry; each realm has its own administration client.
    String keycloak = keycloak();
    String token = serviceToken(keycloak);
    try {
      update.bringUpToDate(
          tenant,
          render(template.replace("${webClientSecret}", "kept-in-keycloak"), tenant),
          keycloak,
          token,
          outcome == Outcome.CREATED);
      if (!adminClient.isKept(tenant)) {
        adminClient.ensure(tenant, keycloak, token);
      }
      // A realm made earlier whose secret this installation does not keep (a database restored
      // from before the realm, or a new installation meeting its own old realm): sign-in needs one.
      if (outcome != Outcome.CREATED && !webClientSecretKept(tenant)) {
        rotateWebClientSecret(tenant);
      }
    } catch (KeycloakHttp.Refused e) {
      if (e.status() == 403) {
        throw notOurs(tenant);
      }
      throw e;
    }
    return outcome;
  }

  /**
   * Gives a tenant's web client a new secret in Keycloak and keeps it sealed with the active data
   * key: after a suspected leak, for a realm provisioned before keys were configured, or to move to
   * a new data key. Sign-ins under way when it runs fail once and are retried by the person.
   */
  public void rotateWebClientSecret(Tenant tenant) throws IOException {
    if (encryptionSettings.encryption().isEmpty()) {
      throw new IOException("No data-encryption key (roundtable.crypto.keys) to seal it with");
    }
    String keycloak = keycloak();
    String token = serviceToken(keycloak);
    String clients =
        keycloak + "/admin/realms/" + KeycloakHttp.segment(tenant.realm()) + "/clients";
    String id = KeycloakHttp.firstId(clients + "?clientId=" + WEB_CLIENT, token);
    String secret =
        KeycloakHttp.actForJson(clients + "/" + KeycloakHttp.segment(id) + "/client-secret", token)
            .getString("value");
    keepSecret(tenant, WEB_CLIENT, secret);
    LOG.info(() -> "Rotated the web client secret of " + tenant.slug());
  }

  private void keepSecret(Tenant tenant, String clientId, String secret) {
    secrets.keep(tenant, clientId, secret);
  }

  /**
   * Creates the operators' realm (role {@code platform-admin}) unless it exists, with a web client
   * secret of its own kept sealed like a council's. A realm made before the operators signed in
   * with a browser gets a new secret now. A realm named in {@code existing} (from {@link
   * #existingRealms()}) is not asked about again.
   */
  public Outcome ensureOperatorRealm(Tenant operators, Set<String> existing) throws IOException {
    String webClientSecret = newSecret();
    Outcome outcome =
        existing.contains(operators.realm())
            ? Outcome.EXISTED
            : ensure(
                operators,
                resource(OPERATOR_TEMPLATE).replace("${webClientSecret}", webClientSecret));
    if (outcome == Outcome.CREATED) {
      keepSecret(operators, WEB_CLIENT, webClientSecret);
    } else if (!webClientSecretKept(operators)) {
      rotateWebClientSecret(operators);
    }
    // The operators' realm follows the installation too (its address above all); it holds no
    // council roles, so only its own. Just made, only its template's hash is kept (the next
    // start then finds it up to date instead of updating it).
    String keycloak = keycloak();
    update.bringUpToDate(
        operators,
        render(
            resource(OPERATOR_TEMPLATE).replace("${webClientSecret}", "kept-in-keycloak"),
            operators),
        keycloak,
        serviceToken(keycloak),
        outcome == Outcome.CREATED,
        false);
    return outcome;
  }

  /** Whether a web client secret is kept for the tenant (always, without a key to seal one). */
  private boolean webClientSecretKept(Tenant tenant) {
    return encryptionSettings.encryption().isEmpty()
        || transactions.inTenant(
            tenant.ref(), () -> entityManager.find(TenantClientSecret.class, WEB_CLIENT) != null);
  }

  /**
   * Invites a tenant's first administrator: a user of the tenant's realm holding {@code
   * tenant-admin}, who must set a password (and verify the email address) on first sign-in.
   *
   * @return the user's id in the realm (the subject of their tokens)
   */
  public String inviteFirstAdmin(Tenant tenant, String email, String firstName, String lastName)
      throws IOException {
    String token = adminClient.token(tenant);
    String users = keycloak() + "/admin/realms/" + KeycloakHttp.segment(tenant.realm()) + "/users";
    Optional<String> made =
        KeycloakHttp.findId(
            users + "?exact=true&username=" + URLEncoder.encode(email, StandardCharsets.UTF_8),
            token);
    if (made.isEmpty()) {
      return invite(tenant, email, firstName, lastName, "tenant-admin");
    }
    // A retry after the user was made but before the council was ready: the same person, given
    // the role again (a no-op if they hold it) and sent the link again.
    KeycloakHttp.post(
        users + "/" + KeycloakHttp.segment(made.get()) + "/role-mappings/realm",
        token,
        JSON.createArrayBuilder()
            .add(
                KeycloakHttp.getJson(
                    keycloak()
                        + "/admin/realms/"
                        + KeycloakHttp.segment(tenant.realm())
                        + "/roles/tenant-admin",
                    token))
            .build()
            .toString());
    queueActionsEmail(tenant, made.get());
    return made.get();
  }

  /**
   * Invites a person to a tenant's realm with one platform role: Keycloak emails them the link to
   * set a password and verify their address (through the mail outbox, after commit). Their user id
   * is the subject their tokens will carry, which is how the platform links them to a member record
   * (never by email address).
   *
   * @return the user's id in the realm
   */
  public String invite(Tenant tenant, String email, String firstName, String lastName, String role)
      throws IOException {
    return invite(tenant, email, firstName, lastName, java.util.List.of(role));
  }

  /**
   * Invites a person with these roles, through the realm's own administration client (its token
   * names that realm only).
   *
   * @return the user's id in the realm
   */
  public String invite(
      Tenant tenant, String email, String firstName, String lastName, java.util.List<String> roles)
      throws IOException {
    String keycloak = keycloak();
    String token = adminClient.token(tenant);
    String id =
        KeycloakHttp.createUser(
            keycloak,
            token,
            tenant.realm(),
            JSON.createObjectBuilder()
                .add("username", email)
                .add("email", email)
                .add("firstName", firstName)
                .add("lastName", lastName)
                .add("enabled", true)
                .add("emailVerified", false)
                .add(
                    "requiredActions",
                    JSON.createArrayBuilder().add("UPDATE_PASSWORD").add("VERIFY_EMAIL"))
                .build(),
            roles);
    try {
      queueActionsEmail(tenant, id);
    } catch (RuntimeException e) {
      withdrawInvitation(tenant, id);
      throw e;
    }
    return id;
  }

  /**
   * Takes back a sign-in made for an invitation that could not be completed (its email could not be
   * queued, or the member record could not be linked): left in the realm, it would refuse the next
   * invitation of the same address. A failure here is logged for an operator, not thrown: the
   * caller is already answering with the failure that came first.
   */
  public void withdrawInvitation(Tenant tenant, String userId) {
    try {
      KeycloakHttp.delete(
          keycloak()
              + "/admin/realms/"
              + KeycloakHttp.segment(tenant.realm())
              + "/users/"
              + KeycloakHttp.segment(userId),
          adminClient.token(tenant));
      LOG.info(() -> "Withdrew an invitation to " + tenant.slug() + " that could not be completed");
    } catch (IOException | RuntimeException e) {
      LOG.log(
          java.util.logging.Level.SEVERE,
          "An invitation to "
              + tenant.slug()
              + " could not be completed and its sign-in "
              + userId
              + " could not be removed: remove it in Keycloak before inviting that person again",
          e);
    }
  }

  private void queueActionsEmail(Tenant tenant, String id) {
    if (mail.host().isPresent()) {
      // Keycloak emails the link to set a password and verify the address (valid for a week),
      // through the mail outbox: a relay that is down delays the email, never the invitation.
      transactions.inTenant(
          tenant.ref(),
          () ->
              outbox.queue(
                  KeycloakActionsEmail.KIND,
                  new Mailer.Email(id, tenant.displayName(), "Set your password", ACTIONS)));
    } else {
      LOG.warning(
          () ->
              "No mail server (roundtable.mail.host): a person invited to "
                  + tenant.slug()
                  + " must be sent the set-password link from Keycloak by hand");
    }
  }

  /** What an invited person is asked to do: choose a password and confirm their email. */
  static final String ACTIONS = "UPDATE_PASSWORD,VERIFY_EMAIL";

  /**
   * Asks Keycloak to email a person the link to do these actions (valid for a week).
   *
   * @throws IOException when Keycloak cannot be reached or cannot send it (its relay is down)
   */
  public void sendActionsEmail(Tenant tenant, String userId, String actions) throws IOException {
    String keycloak = keycloak();
    String token = adminClient.token(tenant);
    var list = JSON.createArrayBuilder();
    for (String action : actions.split(",")) {
      list.add(action.strip());
    }
    KeycloakHttp.put(
        keycloak
            + "/admin/realms/"
            + KeycloakHttp.segment(tenant.realm())
            + "/users/"
            + KeycloakHttp.segment(userId)
            + "/execute-actions-email?lifespan=604800",
        token,
        list.build().toString());
    LOG.info(() -> "Keycloak emailed an invitation to sign in to " + tenant.slug());
  }

  /**
   * Ends every Keycloak session of a tenant's realm (the tenant was suspended), so no one is signed
   * in there when it comes back.
   */
  public void endAllSignIns(Tenant tenant) throws IOException {
    String keycloak = keycloak();
    KeycloakHttp.act(
        keycloak + "/admin/realms/" + KeycloakHttp.segment(tenant.realm()) + "/logout-all",
        serviceToken(keycloak));
  }

  private Outcome ensure(Tenant tenant, String template) throws IOException {
    String keycloak = keycloak();
    String token = serviceToken(keycloak);
    int status =
        KeycloakHttp.status(
            keycloak + "/admin/realms/" + KeycloakHttp.segment(tenant.realm()), token);
    if (status == 200) {
      return Outcome.EXISTED;
    }
    if (status == 403) {
      throw notOurs(tenant);
    }
    KeycloakHttp.post(keycloak + "/admin/realms", token, render(template, tenant));
    LOG.info(() -> "Created identity realm " + tenant.realm() + " for tenant " + tenant.slug());
    return Outcome.CREATED;
  }

  /**
   * Says so, loudly, when the provisioning client's access tokens carry roles: Keycloak makes the
   * account that creates a realm that realm's administrator, so such a token grows by every council
   * until Keycloak refuses it (431, at about 110 councils). The client must use lightweight access
   * tokens (ADR 0017).
   *
   * @return whether its tokens are lightweight
   */
  public boolean provisioningTokenIsLightweight() throws IOException {
    String token = serviceToken(keycloak());
    Map<String, Object> claims;
    try {
      claims = com.nimbusds.jwt.JWTParser.parse(token).getJWTClaimsSet().getClaims();
    } catch (java.text.ParseException e) {
      throw new IOException("Keycloak issued a provisioning token that is not a JWT", e);
    }
    if (claims.containsKey("resource_access") || claims.containsKey("realm_access")) {
      LOG.severe(
          () ->
              "The provisioning client "
                  + clientId
                  + " receives access tokens with its roles in them ("
                  + token.length()
                  + " characters now): they grow with every council and Keycloak refuses them"
                  + " at about 110. In Keycloak's master realm, set the client's 'Always use"
                  + " lightweight access token' (attribute "
                  + "client.use.lightweight.access.token.enabled=true); see the chart's README");
      return false;
    }
    return true;
  }

  /** The provisioning account may not change a realm it did not create. */
  private static IOException notOurs(Tenant tenant) {
    return new IOException(
        "A realm named "
            + tenant.realm()
            + " exists in Keycloak but Roundtable did not make it, so it may not set it up:"
            + " remove that realm in Keycloak, or give the council another realm");
  }

  private String keycloak() throws IOException {
    return internalUrl.orElseThrow(() -> new IOException("Keycloak is not configured"));
  }

  /**
   * The names of the realms the provisioning account sees, in one call: a pass over every council
   * at start asks once, not once a council.
   */
  public Set<String> existingRealms() throws IOException {
    String keycloak = keycloak();
    Set<String> names = new HashSet<>();
    for (JsonValue realm :
        KeycloakHttp.getJson(
                keycloak + "/admin/realms?briefRepresentation=true", serviceToken(keycloak))
            .asJsonArray()) {
      names.add(realm.asJsonObject().getString("realm"));
    }
    return names;
  }

  /**
   * The provisioning account's token, kept until shortly before it expires: a pass over many
   * councils asks Keycloak for one, not two a council.
   */
  private String serviceToken(String keycloak) throws IOException {
    ServiceToken kept = serviceToken;
    Instant now = Instant.now();
    if (kept != null && kept.keycloak().equals(keycloak) && now.isBefore(kept.renewAt())) {
      return kept.token();
    }
    String token =
        KeycloakHttp.clientCredentials(
            keycloak,
            "master",
            clientId,
            clientSecret.orElseThrow(() -> new IOException("No provisioning secret")));
    serviceToken = new ServiceToken(keycloak, token, renewAt(token, now));
    return token;
  }

  /** Ten seconds before the token's expiry (at once for a token that does not say). */
  private static Instant renewAt(String token, Instant now) {
    try {
      java.util.Date expiry =
          com.nimbusds.jwt.JWTParser.parse(token).getJWTClaimsSet().getExpirationTime();
      return expiry == null ? now : expiry.toInstant().minusSeconds(10);
    } catch (java.text.ParseException e) {
      return now;
    }
  }

  private record ServiceToken(String keycloak, String token, Instant renewAt) {}

  String render(String template, Tenant tenant) {
    return template
        .replace("${realm}", jsonText(tenant.realm()))
        .replace("${displayName}", jsonText(tenant.displayName()))
        .replace("${tenant}", jsonText(tenant.slug()))
        .replace("${appUrl}", jsonText(address.base()))
        .replace("${smtpHost}", jsonText(mail.host().orElse("")))
        .replace("${smtpPort}", Integer.toString(mail.port()))
        .replace("${mailFrom}", jsonText(mail.from()))
        .replace("${smtpStarttls}", Boolean.toString(mail.starttls()))
        .replace("${smtpAuth}", Boolean.toString(mail.user().isPresent()))
        .replace("${smtpUser}", jsonText(mail.user().orElse("")))
        .replace("${smtpPassword}", jsonText(mail.password().orElse("")))
        // Operators' realm: no secret is kept for its web client yet.
        .replace("${webClientSecret}", newSecret());
  }

  private String newSecret() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String jsonText(String value) {
    String quoted = JSON.createValue(value).toString();
    return quoted.substring(1, quoted.length() - 1);
  }

  private static String template(Optional<Path> tenantFolder) throws IOException {
    if (tenantFolder.isPresent() && Files.isRegularFile(tenantFolder.get().resolve("realm.json"))) {
      return Files.readString(tenantFolder.get().resolve("realm.json"));
    }
    return resource(DEFAULT_TEMPLATE);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = RealmProvisioner.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("The realm template " + name + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
