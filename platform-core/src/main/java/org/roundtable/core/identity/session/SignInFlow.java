package org.roundtable.core.identity.session;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.roundtable.core.identity.Caller;
import org.roundtable.core.identity.NotAuthenticatedException;
import org.roundtable.core.identity.TenantIssuers;
import org.roundtable.core.identity.internal.BearerTokenAuthenticator;
import org.roundtable.core.identity.provisioning.WebClientSecrets;
import org.roundtable.core.tenancy.PublicAddress;
import org.roundtable.core.tenancy.Tenant;

/**
 * The browser sign-in as an OpenID Connect confidential client (backend-for-frontend), with the
 * Nimbus OAuth 2.0 SDK: the authorization code flow with PKCE (S256), {@code state} and {@code
 * nonce}; the code is exchanged by the server with the tenant's web client secret; the ID token is
 * validated (signature, issuer, audience, expiry, nonce) and the access token goes through the same
 * verification as the API's, which also yields the roles. No token ever reaches the browser.
 */
@ApplicationScoped
public class SignInFlow {

  private static final Logger LOG = Logger.getLogger(SignInFlow.class.getName());
  static final String CLIENT_ID = WebClientSecrets.WEB_CLIENT;
  private static final int TIMEOUT_MILLIS = 5_000;

  private static final HttpClient PROBE =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Inject TenantIssuers issuers;
  @Inject BearerTokenAuthenticator tokens;
  @Inject WebClientSecrets secrets;

  @Inject PublicAddress address;

  @Inject
  @ConfigProperty(name = "roundtable.identity.clock-skew-seconds", defaultValue = "30")
  int clockSkewSeconds;

  /** A new sign-in: what to remember, and where to send the browser. */
  public record Start(WebSessions.Attempt attempt, URI authorization) {}

  /** A completed sign-in: who, and the ID token to sign them out with later. */
  public record Completed(Caller caller, String idToken, String refreshToken) {}

  /** What a refresh brings: the person with the roles Keycloak gives them now, and a new token. */
  public record Refreshed(Caller caller, String refreshToken) {}

  /** Keycloak refused to refresh: the person was disabled or deleted, or their sign-in ended. */
  public static final class RefreshRefused extends Exception {
    public RefreshRefused(String message) {
      super(message);
    }
  }

  /** Why a sign-in did not complete; the message is safe to show. */
  public static final class SignInFailed extends Exception {
    private final boolean unavailable;

    public SignInFailed(String message) {
      this(message, false);
    }

    /**
     * @param unavailable whether Keycloak could not be reached (try again later), rather than
     *     refusing or sending something that does not match
     */
    public SignInFailed(String message, boolean unavailable) {
      super(message);
      this.unavailable = unavailable;
    }

    public boolean unavailable() {
      return unavailable;
    }
  }

  /**
   * Whether the tenant's sign-in service answers now (its keys, on the internal address, within two
   * seconds): checked before a browser is sent there, so that an outage is a page of ours saying so
   * rather than the browser's own error.
   */
  public boolean isReachable(Tenant tenant) {
    try {
      HttpResponse<Void> answer =
          PROBE.send(
              HttpRequest.newBuilder(issuers.issuerOf(tenant).jwks().toURI())
                  .timeout(Duration.ofSeconds(2))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return answer.statusCode() == 200;
    } catch (IOException | URISyntaxException e) {
      LOG.warning(() -> "Sign-in service of " + tenant.slug() + " is not reachable: " + e);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Starts signing in to {@code tenant}; afterwards the browser returns to {@code returnTo}. */
  public Start start(Tenant tenant, String returnTo) {
    State state = new State();
    Nonce nonce = new Nonce();
    CodeVerifier verifier = new CodeVerifier();
    URI authorization =
        new AuthenticationRequest.Builder(
                ResponseType.CODE,
                new Scope("openid", "profile", "email"),
                new ClientID(CLIENT_ID),
                redirectUri(tenant))
            .endpointURI(issuers.issuerOf(tenant).authorization())
            .state(state)
            .nonce(nonce)
            .codeChallenge(verifier, CodeChallengeMethod.S256)
            .build()
            .toURI();
    return new Start(
        new WebSessions.Attempt(state.getValue(), nonce.getValue(), verifier.getValue(), returnTo),
        authorization);
  }

  /**
   * Completes a sign-in at the callback: exchanges the code and validates what comes back.
   *
   * @throws SignInFailed when anything does not match or Keycloak refuses
   */
  public Completed complete(Tenant tenant, WebSessions.Attempt attempt, String code)
      throws SignInFailed {
    TenantIssuers.Issuer issuer = issuers.issuerOf(tenant);
    OIDCTokens received;
    try {
      HTTPRequest request =
          new TokenRequest(
                  issuer.token(),
                  new ClientSecretBasic(
                      new ClientID(CLIENT_ID), new Secret(secrets.webClientSecret(tenant))),
                  new AuthorizationCodeGrant(
                      new AuthorizationCode(code),
                      redirectUri(tenant),
                      new CodeVerifier(attempt.codeVerifier())))
              .toHTTPRequest();
      request.setConnectTimeout(TIMEOUT_MILLIS);
      request.setReadTimeout(TIMEOUT_MILLIS);
      TokenResponse response = OIDCTokenResponseParser.parse(request.send());
      if (!response.indicatesSuccess()) {
        LOG.warning(
            () ->
                "Keycloak refused a sign-in code of "
                    + tenant.slug()
                    + ": "
                    + response.toErrorResponse().getErrorObject().getCode());
        throw new SignInFailed("The sign-in was not accepted. Please try again.");
      }
      received =
          ((com.nimbusds.openid.connect.sdk.OIDCTokenResponse) response.toSuccessResponse())
              .getOIDCTokens();
    } catch (SignInFailed e) {
      throw e;
    } catch (Exception e) {
      LOG.log(Level.WARNING, "Could not exchange a sign-in code of " + tenant.slug(), e);
      throw new SignInFailed("Signing in is not available just now. Please try again later.", true);
    }
    IDTokenClaimsSet idClaims;
    try {
      IDTokenValidator validator =
          new IDTokenValidator(
              new Issuer(issuer.issuer()),
              new ClientID(CLIENT_ID),
              new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, tokens.keysOf(tenant)),
              null);
      validator.setMaxClockSkew(clockSkewSeconds);
      idClaims = validator.validate(received.getIDToken(), new Nonce(attempt.nonce()));
    } catch (Exception e) {
      LOG.warning(() -> "Refused an ID token of " + tenant.slug() + ": " + e.getClass().getName());
      throw new SignInFailed("The sign-in could not be verified. Please try again.");
    }
    Caller caller;
    try {
      caller = tokens.verifiedCaller(tenant, received.getAccessToken().getValue());
    } catch (NotAuthenticatedException e) {
      throw new SignInFailed("The sign-in could not be verified. Please try again.");
    }
    if (!caller.subject().equals(idClaims.getSubject().getValue())) {
      throw new SignInFailed("The sign-in could not be verified. Please try again.");
    }
    return new Completed(
        caller,
        received.getIDTokenString(),
        received.getRefreshToken() == null ? null : received.getRefreshToken().getValue());
  }

  /**
   * Refreshes a browser session's tokens at Keycloak: the person as Keycloak knows them now, with
   * the roles it gives them now.
   *
   * @throws RefreshRefused when Keycloak answers but refuses (disabled, deleted, signed out there)
   * @throws IOException when Keycloak cannot be reached
   */
  public Refreshed refresh(Tenant tenant, String refreshToken) throws RefreshRefused, IOException {
    TenantIssuers.Issuer issuer = issuers.issuerOf(tenant);
    TokenResponse response;
    try {
      HTTPRequest request =
          new TokenRequest(
                  issuer.token(),
                  new ClientSecretBasic(
                      new ClientID(CLIENT_ID), new Secret(secrets.webClientSecret(tenant))),
                  new com.nimbusds.oauth2.sdk.RefreshTokenGrant(
                      new com.nimbusds.oauth2.sdk.token.RefreshToken(refreshToken)))
              .toHTTPRequest();
      request.setConnectTimeout(TIMEOUT_MILLIS);
      request.setReadTimeout(TIMEOUT_MILLIS);
      var answer = request.send();
      if (answer.getStatusCode() >= 500) {
        throw new IOException("Keycloak answered " + answer.getStatusCode());
      }
      response = OIDCTokenResponseParser.parse(answer);
    } catch (com.nimbusds.oauth2.sdk.ParseException e) {
      throw new IOException("Keycloak's answer could not be read", e);
    }
    if (!response.indicatesSuccess()) {
      throw new RefreshRefused(response.toErrorResponse().getErrorObject().getCode());
    }
    var tokens = response.toSuccessResponse().getTokens();
    Caller caller;
    try {
      caller = this.tokens.verifiedCaller(tenant, tokens.getAccessToken().getValue());
    } catch (NotAuthenticatedException e) {
      throw new RefreshRefused("the refreshed token could not be verified");
    }
    return new Refreshed(
        caller,
        tokens.getRefreshToken() == null ? refreshToken : tokens.getRefreshToken().getValue());
  }

  /**
   * Where to send the browser to end its Keycloak session too (RP-initiated logout), coming back to
   * the tenant's home page.
   */
  public URI signOut(Tenant tenant, Optional<String> idToken) {
    JWT hint = null;
    if (idToken.isPresent()) {
      try {
        hint = JWTParser.parse(idToken.get());
      } catch (java.text.ParseException e) {
        hint = null;
      }
    }
    return new LogoutRequest(
            issuers.issuerOf(tenant).endSession(),
            hint,
            null,
            new ClientID(CLIENT_ID),
            URI.create(address.home(tenant)),
            null,
            null)
        .toURI();
  }

  private URI redirectUri(Tenant tenant) {
    return URI.create(address.home(tenant) + "callback");
  }
}
