package org.roundtable.core.identity.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.roundtable.api.tenancy.TenantRef;
import org.roundtable.core.identity.Caller;
import org.roundtable.core.persistence.EncryptionSettings;
import org.roundtable.core.persistence.TenantTransactions;
import org.roundtable.core.tenancy.TenantBinding;
import org.roundtable.steps.crypto.FieldEncryption;

/**
 * Browser sessions of the current tenant, kept in PostgreSQL so any instance serves them and they
 * survive a restart. The browser holds only a random key; the database holds its SHA-256 hash, the
 * signed-in person's name and roles, their ID token (to sign out at Keycloak) and refresh token,
 * both sealed. A session follows Keycloak: every {@code refresh-seconds} it takes the person's
 * roles again ({@link SessionRefresh}), and ends if Keycloak refuses (disabled, deleted). A session
 * ends when idle too long, at an absolute limit, on sign-out, when its tenant is suspended, or when
 * Keycloak has been away longer than the grace period.
 */
@ApplicationScoped
public class WebSessions {

  /** How long a started sign-in may take (the login page, a forgotten password). */
  public static final Duration SIGN_IN_LIMIT = Duration.ofMinutes(15);

  /** While Keycloak is away, a session tries to refresh again this often, not on every request. */
  private static final Duration RETRY_WHILE_AWAY = Duration.ofSeconds(15);

  /** Sessions touched more recently than this are not written again. */
  private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

  private static final String ID_TOKEN = "id_token";
  private static final String REFRESH_TOKEN = "refresh_token";

  @Inject EntityManager entityManager;
  @Inject Clock clock;
  @Inject EncryptionSettings encryptionSettings;
  @Inject TenantTransactions transactions;

  @Inject
  @ConfigProperty(name = "roundtable.web.session.idle-minutes", defaultValue = "30")
  long idleMinutes;

  @Inject
  @ConfigProperty(name = "roundtable.web.session.absolute-hours", defaultValue = "10")
  long absoluteHours;

  /**
   * How often a session takes the person's roles from Keycloak again (refreshing its tokens): a
   * role taken away, or a person disabled, reaches an open session within this.
   */
  @Inject
  @ConfigProperty(name = "roundtable.web.session.refresh-seconds", defaultValue = "60")
  long refreshSeconds;

  /**
   * How long a session goes on with the roles it had while Keycloak cannot be reached to refresh
   * it; after that the person signs in again.
   */
  @Inject
  @ConfigProperty(name = "roundtable.web.session.keycloak-grace-minutes", defaultValue = "15")
  long keycloakGraceMinutes;

  private final SecureRandom random = new SecureRandom();

  /**
   * Who a session says is signed in, and the member they are acting for if an officer chose one.
   */
  public record SignedIn(
      Caller caller, Instant expiresAt, Optional<UUID> actingFor, boolean refreshDue) {}

  /** What a sign-in under way remembers for its callback. */
  public record Attempt(String state, String nonce, String codeVerifier, String returnTo) {}

  /** Whether sessions can be kept: they hold a sealed ID token, so a data key is needed. */
  public boolean isAvailable() {
    return encryptionSettings.encryption().isPresent();
  }

  /**
   * Remembers a sign-in under way in the current tenant.
   *
   * @return the key for the browser's short-lived sign-in cookie
   */
  @Transactional
  public String beginSignIn(Attempt attempt) {
    Instant now = clock.instant();
    entityManager
        .createQuery("DELETE FROM PendingSignIn p WHERE p.createdAt < :limit")
        .setParameter("limit", now.minus(SIGN_IN_LIMIT))
        .executeUpdate();
    String key = newKey();
    entityManager.persist(
        new PendingSignIn(
            hash(key),
            attempt.state(),
            attempt.nonce(),
            attempt.codeVerifier(),
            attempt.returnTo(),
            now));
    return key;
  }

  /** The sign-in this browser started here, used up by reading it. */
  @Transactional
  public Optional<Attempt> takeSignIn(String key) {
    PendingSignIn pending = entityManager.find(PendingSignIn.class, hash(key));
    if (pending == null) {
      return Optional.empty();
    }
    entityManager.remove(pending);
    if (pending.createdAt().isBefore(clock.instant().minus(SIGN_IN_LIMIT))) {
      return Optional.empty();
    }
    return Optional.of(
        new Attempt(pending.state(), pending.nonce(), pending.codeVerifier(), pending.returnTo()));
  }

  /**
   * Opens a new session for a person who has just signed in to the current tenant. Always a new
   * key: a key the browser brought before signing in is never adopted.
   *
   * @return the key for the session cookie
   */
  @Transactional
  public String open(Caller caller, String idToken, String refreshToken) {
    requireTenant(caller.tenant());
    Instant now = clock.instant();
    entityManager
        .createQuery("DELETE FROM WebSession s WHERE s.expiresAt < :now OR s.lastSeenAt < :idle")
        .setParameter("now", now)
        .setParameter("idle", now.minus(idle()))
        .executeUpdate();
    String key = newKey();
    String idHash = hash(key);
    entityManager.persist(
        new WebSession(
            idHash,
            caller.subject(),
            caller.displayName(),
            caller.roles(),
            sealer().seal(idToken, place(ID_TOKEN, idHash)),
            refreshToken == null ? null : sealer().seal(refreshToken, place(REFRESH_TOKEN, idHash)),
            now,
            now.plus(Duration.ofHours(absoluteHours))));
    return key;
  }

  /** The session with this key in the current tenant, if it has not expired. */
  @Transactional
  public Optional<SignedIn> find(String key) {
    TenantRef tenant = TenantBinding.current().orElseThrow();
    WebSession session = entityManager.find(WebSession.class, hash(key));
    if (session == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (!now.isBefore(session.expiresAt()) || !now.isBefore(session.lastSeenAt().plus(idle()))) {
      entityManager.remove(session);
      return Optional.empty();
    }
    Instant lastGood = session.refreshedAt();
    if (session.keycloakAwaySince().isPresent()
        && now.isAfter(lastGood.plus(refreshInterval()).plus(keycloakGrace()))) {
      // Keycloak has been away longer than the grace: the roles are too old to trust.
      entityManager.remove(session);
      return Optional.empty();
    }
    if (now.isAfter(session.lastSeenAt().plus(TOUCH_INTERVAL))) {
      session.seen(now);
    }
    boolean refreshDue =
        now.isAfter(lastGood.plus(refreshInterval()))
            && session
                .keycloakAwaySince()
                .map(away -> now.isAfter(away.plus(RETRY_WHILE_AWAY)))
                .orElse(true);
    return Optional.of(
        new SignedIn(
            new Caller(tenant, session.subject(), session.displayName(), session.roles()),
            session.expiresAt(),
            session.actingFor(),
            refreshDue));
  }

  /** The session's refresh token, in the clear, if it has one. */
  @Transactional
  public Optional<String> refreshToken(String key) {
    String idHash = hash(key);
    WebSession session = entityManager.find(WebSession.class, idHash);
    return Optional.ofNullable(session)
        .map(WebSession::sealedRefreshToken)
        .map(value -> sealer().open(value, place(REFRESH_TOKEN, idHash)));
  }

  /** Keycloak vouched for the person again: the session takes their roles and name as they are. */
  @Transactional
  public Optional<SignedIn> refreshed(String key, Caller caller, String refreshToken) {
    String idHash = hash(key);
    WebSession session = entityManager.find(WebSession.class, idHash);
    if (session == null || !session.subject().equals(caller.subject())) {
      return Optional.empty();
    }
    session.refreshed(
        caller.displayName(),
        caller.roles(),
        sealer().seal(refreshToken, place(REFRESH_TOKEN, idHash)),
        clock.instant());
    return Optional.of(new SignedIn(caller, session.expiresAt(), session.actingFor(), false));
  }

  /** Keycloak could not be reached to refresh this session: it goes on for the grace period. */
  @Transactional
  public void keycloakAway(String key) {
    WebSession session = entityManager.find(WebSession.class, hash(key));
    if (session != null) {
      session.keycloakAway(clock.instant());
    }
  }

  /**
   * Ends the session with this key in the current tenant.
   *
   * @return its ID token, to sign out at the issuer too
   */
  @Transactional
  public Optional<String> end(String key) {
    String idHash = hash(key);
    WebSession session = entityManager.find(WebSession.class, idHash);
    if (session == null) {
      return Optional.empty();
    }
    entityManager.remove(session);
    return Optional.of(sealer().open(session.sealedIdToken(), place(ID_TOKEN, idHash)));
  }

  /**
   * Starts or stops acting for a member in the session with this key (assisted digital). Whether
   * the caller may act for that member is checked on every request, not here.
   */
  @Transactional
  public void actFor(String key, Optional<UUID> member) {
    WebSession session = entityManager.find(WebSession.class, hash(key));
    if (session != null) {
      session.actFor(member);
    }
  }

  /** Ends every session of a tenant (it was suspended). */
  public int endAll(TenantRef tenant) {
    return transactions.inTenant(
        tenant,
        () ->
            entityManager.createQuery("DELETE FROM WebSession s").executeUpdate()
                + entityManager.createQuery("DELETE FROM PendingSignIn p").executeUpdate());
  }

  private Duration refreshInterval() {
    return Duration.ofSeconds(refreshSeconds);
  }

  private Duration keycloakGrace() {
    return Duration.ofMinutes(keycloakGraceMinutes);
  }

  private Duration idle() {
    return Duration.ofMinutes(idleMinutes);
  }

  /**
   * Where a session's token is sealed: its tenant, column and row. Sessions sealed in format v1
   * still open and are not resealed: they end within {@code absolute-hours}.
   */
  private static FieldEncryption.Place place(String column, String idHash) {
    return new FieldEncryption.Place(
        TenantBinding.current().orElseThrow().slug(), "web_session." + column, idHash);
  }

  private FieldEncryption sealer() {
    return encryptionSettings
        .encryption()
        .orElseThrow(
            () -> new IllegalStateException("Sessions need a data key (roundtable.crypto.keys)"));
  }

  private static void requireTenant(TenantRef tenant) {
    if (!TenantBinding.current().map(tenant::equals).orElse(false)) {
      throw new IllegalStateException("A session opens only in its own tenant");
    }
  }

  private String newKey() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The SHA-256 (hex) a key is stored as: only hashes of cookie values are kept. */
  public static String hash(String key) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
