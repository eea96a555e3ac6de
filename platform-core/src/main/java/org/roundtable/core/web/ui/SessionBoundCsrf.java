package org.roundtable.core.web.ui;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.krazo.security.CsrfToken;
import org.eclipse.krazo.security.CsrfTokenStrategy;
import org.roundtable.core.persistence.EncryptionSettings;
import org.roundtable.core.request.SessionCookies;
import org.roundtable.steps.crypto.FieldEncryption;

/**
 * The form token Jakarta MVC checks on every POST of a page controller (and sign-out checks
 * itself): an HMAC of the browser's session key under a key derived (HKDF) from the active
 * data-encryption key, written {@code <key id>.<mac>}. It needs no server state, every pod computes
 * the same token, it changes at every sign-in, and nobody without the data key can compute it: a
 * session cookie a client makes up gets no valid token. A page on another site can read neither the
 * HttpOnly session cookie nor the token. A token made with a key since retired no longer matches
 * (the form is shown as expired).
 *
 * <p>Krazo's default keeps tokens in an HTTP session of one server, which pods started with {@code
 * --nocluster} do not share (ADR 0011).
 */
public final class SessionBoundCsrf implements CsrfTokenStrategy {

  /** The hidden field's name. */
  public static final String FIELD = "_csrf";

  /** The header scripts may send it in instead. */
  public static final String HEADER = "X-CSRF-TOKEN";

  /** The HKDF info the token key is derived with. */
  static final String PURPOSE = "roundtable form token v1";

  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  public Optional<CsrfToken> getToken(
      HttpServletRequest request, HttpServletResponse response, boolean create) {
    // Signed out: a throwaway token no form can match, so every post without a session fails.
    return Optional.of(
        new CsrfToken(HEADER, FIELD, token(request).orElseGet(SessionBoundCsrf::throwaway)));
  }

  /** The token for this browser's session, if it has one and the data keys are configured. */
  public static Optional<String> token(HttpServletRequest request) {
    Optional<FieldEncryption> keys =
        CDI.current().select(EncryptionSettings.class).get().encryption();
    if (keys.isEmpty()) {
      return Optional.empty();
    }
    return SessionCookies.value(request, SessionCookies.SESSION)
        .map(session -> of(keys.get().derive(PURPOSE), session));
  }

  /** Whether a submitted token is this session's (in constant time). */
  public static boolean matches(HttpServletRequest request, String submitted) {
    return submitted != null
        && token(request)
            .map(
                expected ->
                    MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8),
                        submitted.getBytes(StandardCharsets.UTF_8)))
            .orElse(false);
  }

  /** The token of a session key under a derived key. */
  static String of(FieldEncryption.DerivedKey key, String sessionKey) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.bytes(), "HmacSHA256"));
      return key.keyId()
          + "."
          + Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(mac.doFinal(sessionKey.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is always available", e);
    }
  }

  private static String throwaway() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "none-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
