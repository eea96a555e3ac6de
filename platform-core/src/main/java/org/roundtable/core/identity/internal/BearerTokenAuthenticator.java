package org.roundtable.core.identity.internal;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.roundtable.core.identity.Caller;
import org.roundtable.core.identity.CallerAuthenticator;
import org.roundtable.core.identity.NotAuthenticatedException;
import org.roundtable.core.identity.Operators;
import org.roundtable.core.identity.RoleRegistry;
import org.roundtable.core.identity.TenantIssuers;
import org.roundtable.core.tenancy.Tenant;

/**
 * The API's only way in: a bearer access token from the URL tenant's own issuer, verified with
 * Nimbus JOSE+JWT — RS256 signature against the issuer's keys (cached; an unknown {@code kid}
 * triggers one rate-limited refetch, so key rotation works), exact issuer, audience {@code
 * platform-api}, {@code typ} Bearer (an ID token is refused), expiry and not-before within a small
 * clock skew. Any failure is 401; the reason is never read from the library's message.
 */
@ApplicationScoped
public class BearerTokenAuthenticator implements CallerAuthenticator {

  static final String AUDIENCE = "platform-api";
  private static final Set<String> OPERATOR_ROLES = Set.of(Operators.ROLE);

  @Inject TenantIssuers issuers;
  @Inject RoleRegistry roleRegistry;

  @Inject
  @ConfigProperty(name = "roundtable.identity.clock-skew-seconds", defaultValue = "30")
  int clockSkewSeconds;

  /** One processor per tenant, keyed by tenant and issuer so a changed realm gets a new one. */
  private final Map<String, ConfigurableJWTProcessor<SecurityContext>> processors =
      new ConcurrentHashMap<>();

  /** One key source per key set URL, shared by access-token and ID-token checks. */
  private final Map<String, JWKSource<SecurityContext>> keySources = new ConcurrentHashMap<>();

  /**
   * Tokens already verified, by council, issuer and the token's digest: a client sends the same
   * token with every request for its lifetime, and checking its RSA signature (and Base64) again
   * each time was a fifth of a plugin read's processor time. An entry lasts until the token
   * expires, at most {@link #VERIFIED_FOR}; the map is emptied when it holds {@link
   * #MOST_VERIFIED}.
   */
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  static final Duration VERIFIED_FOR = Duration.ofMinutes(5);
  static final int MOST_VERIFIED = 10_000;

  private record Verified(Caller caller, Instant until) {}

  /** How long keys last fetched keep verifying tokens while Keycloak cannot be reached. */
  static final Duration OUTAGE_TOLERANCE = Duration.ofHours(12);

  @Override
  public Optional<Caller> authenticate(ContainerRequestContext request, Tenant tenant) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null) {
      return Optional.empty();
    }
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() < 8) {
      throw new NotAuthenticatedException("Send an access token as 'Authorization: Bearer ...'");
    }
    return Optional.of(verifiedCaller(tenant, header.substring(7).strip()));
  }

  /**
   * Verifies an access token of {@code tenant}'s issuer and says who it names; also how the browser
   * sign-in reads the roles of the person who just signed in.
   *
   * @throws NotAuthenticatedException when the token is not valid for this tenant
   */
  public Caller verifiedCaller(Tenant tenant, String accessToken) {
    TenantIssuers.Issuer issuer = issuers.issuerOf(tenant);
    String key = tenant.slug() + " " + issuer.issuer() + " " + digest(accessToken);
    Instant now = Instant.now();
    Verified known = verified.get(key);
    if (known != null && now.isBefore(known.until())) {
      return known.caller();
    }
    JWTClaimsSet claims = verifiedClaims(tenant, issuer, accessToken);
    boolean operator = Operators.REF.equals(tenant.ref());
    Caller caller =
        new Caller(
            tenant.ref(),
            claims.getSubject(),
            displayName(claims),
            roles(claims, operator ? OPERATOR_ROLES : roleRegistry.ids()));
    Instant expires = claims.getExpirationTime().toInstant();
    Instant until = now.plus(VERIFIED_FOR).isBefore(expires) ? now.plus(VERIFIED_FOR) : expires;
    if (verified.size() >= MOST_VERIFIED) {
      verified.clear();
    }
    verified.put(key, new Verified(caller, until));
    return caller;
  }

  /** The token's SHA-256: what the cache keeps of it (32 bytes, not a kilobyte of token). */
  private static String digest(String token) {
    try {
      return java.util.Base64.getEncoder()
          .encodeToString(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(token.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java has SHA-256", e);
    }
  }

  private JWTClaimsSet verifiedClaims(
      Tenant tenant, TenantIssuers.Issuer issuer, String accessToken) {
    JWTClaimsSet claims;
    try {
      claims =
          processors
              .computeIfAbsent(
                  tenant.slug() + " " + issuer.issuer(),
                  key -> processor(keysOf(tenant), issuer.issuer(), clockSkewSeconds))
              .process(accessToken, null);
    } catch (Exception e) {
      // Includes RateLimitReachedException, whose message is null: never read it.
      throw new NotAuthenticatedException("This access token is not valid here");
    }
    return claims;
  }

  /**
   * The tenant issuer's signing keys: fetched once, cached, refetched (rate-limited) when a token
   * names a key the cache lacks. While Keycloak cannot be reached the keys last fetched keep
   * serving for up to {@link #OUTAGE_TOLERANCE} (a failed fetch is retried once), so API calls with
   * valid tokens go on working through a Keycloak outage.
   */
  public JWKSource<SecurityContext> keysOf(Tenant tenant) {
    TenantIssuers.Issuer issuer = issuers.issuerOf(tenant);
    return keySources.computeIfAbsent(
        issuer.jwks().toString(),
        url ->
            JWKSourceBuilder.<SecurityContext>create(issuer.jwks())
                .retrying(true)
                .outageTolerant(OUTAGE_TOLERANCE.toMillis())
                .build());
  }

  /** The verification every API token goes through (also what the benchmark measures). */
  static ConfigurableJWTProcessor<SecurityContext> processor(
      JWKSource<SecurityContext> keys, String issuer, int clockSkewSeconds) {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT));
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
    DefaultJWTClaimsVerifier<SecurityContext> verifier =
        new DefaultJWTClaimsVerifier<>(
            // Nimbus 10.5 calls contains(null) on this set: Set.of(...) would throw.
            new HashSet<>(List.of(AUDIENCE)),
            new JWTClaimsSet.Builder().issuer(issuer).claim("typ", "Bearer").build(),
            new HashSet<>(List.of("sub", "exp", "iat")),
            null);
    verifier.setMaxClockSkew(clockSkewSeconds);
    processor.setJWTClaimsSetVerifier(verifier);
    return processor;
  }

  private static String displayName(JWTClaimsSet claims) {
    Object name = claims.getClaim("name");
    if (name instanceof String text && !text.isBlank()) {
      return text;
    }
    Object username = claims.getClaim("preferred_username");
    return username instanceof String text ? text : claims.getSubject();
  }

  /** The realm roles the platform knows, only those this kind of realm may grant. */
  private static Set<String> roles(JWTClaimsSet claims, Set<String> known) {
    Set<String> roles = new LinkedHashSet<>();
    if (claims.getClaim("realm_access") instanceof Map<?, ?> access
        && access.get("roles") instanceof List<?> list) {
      list.stream()
          .filter(String.class::isInstance)
          .map(String.class::cast)
          .filter(known::contains)
          .forEach(roles::add);
    }
    return roles;
  }
}
