package org.roundtable.core.request;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Optional;

/** The browser's cookies for signing in: the session key and the sign-in under way. */
public final class SessionCookies {

  /** The session key (HttpOnly, SameSite=Lax, scoped to the council's pages). */
  public static final String SESSION = "roundtable_session";

  /** The short-lived key of a sign-in under way. */
  public static final String SIGN_IN = "roundtable_sign_in";

  private SessionCookies() {}

  /** A cookie's value, if the browser sent a non-empty one. */
  public static Optional<String> value(HttpServletRequest request, String name) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    return Arrays.stream(cookies)
        .filter(cookie -> cookie.getName().equals(name) && !cookie.getValue().isEmpty())
        .map(Cookie::getValue)
        .findFirst();
  }
}
