package org.roundtable.core.web.ui;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.krazo.security.CsrfToken;
import org.eclipse.krazo.security.CsrfTokenStrategy;
import org.roundtable.core.web.SessionCookies;

/**
 * The form token Jakarta MVC checks on every POST of a page controller: derived from the browser's
 * session key (an HMAC of it), so it needs no server state, every pod computes the same token, and
 * it changes at every sign-in. A page on another site can neither read the HttpOnly session cookie
 * nor the token; without a session no token matches and every form post is refused.
 *
 * <p>Krazo's default keeps tokens in an HTTP session of one server, which pods started with {@code
 * --nocluster} do not share (ADR 0011).
 */
public final class SessionBoundCsrf implements CsrfTokenStrategy {

  /** The hidden field's name. */
  public static final String FIELD = "_csrf";

  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  /** The header scripts may send it in instead. */
  public static final String HEADER = "X-CSRF-TOKEN";

  @Override
  public Optional<CsrfToken> getToken(
      HttpServletRequest request, HttpServletResponse response, boolean create) {
    // Signed out: a throwaway token no form can match, so every post without a session fails.
    return Optional.of(
        new CsrfToken(HEADER, FIELD, token(request).orElseGet(SessionBoundCsrf::throwaway)));
  }

  private static String throwaway() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "none-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The token for this browser's session, if it has one. */
  public static Optional<String> token(HttpServletRequest request) {
    return SessionCookies.value(request, SessionCookies.SESSION).map(SessionBoundCsrf::derive);
  }

  private static String derive(String sessionKey) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(sessionKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(mac.doFinal("roundtable form token".getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
