package org.roundtable.core.web.internal;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.roundtable.core.identity.CurrentCaller;
import org.roundtable.core.identity.Operators;
import org.roundtable.core.identity.TenantIssuers;
import org.roundtable.core.identity.provisioning.WebClientSecrets;
import org.roundtable.core.identity.session.SignInFlow;
import org.roundtable.core.identity.session.WebSessions;
import org.roundtable.core.member.MemberDirectory;
import org.roundtable.core.request.RequestPath;
import org.roundtable.core.request.SessionCookies;
import org.roundtable.core.tenancy.PublicAddress;
import org.roundtable.core.tenancy.Tenant;
import org.roundtable.core.web.Pages;
import org.roundtable.core.web.ui.SessionBoundCsrf;

/**
 * A tenant's browser pages for signing in and out ({@code /{tenant}/login}, {@code /callback},
 * {@code /logout}); every other page of the council goes on to the pages application. The session
 * cookie is scoped to the tenant's path and the session to the tenant's rows, so a sign-in to one
 * council opens nothing of another. The JSON API never reads this cookie.
 */
public class SignInPages extends HttpFilter {

  static final String SESSION_COOKIE = SessionCookies.SESSION;
  static final String SIGN_IN_COOKIE = SessionCookies.SIGN_IN;

  @Inject WebSessions sessions;
  @Inject SignInFlow flow;
  @Inject WebClientSecrets secrets;
  @Inject TenantIssuers issuers;
  @Inject MemberDirectory members;
  @Inject CurrentCaller currentCaller;
  @Inject PublicAddress address;

  /** {@code false} only in development over plain HTTP. */
  @Inject
  @ConfigProperty(name = "roundtable.web.secure-cookies", defaultValue = "true")
  boolean secureCookies;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Object resolved = request.getAttribute(Tenant.REQUEST_ATTRIBUTE);
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!(resolved instanceof Tenant tenant) || path.startsWith("/api/")) {
      chain.doFilter(request, response);
      return;
    }
    String base = "/" + tenant.slug();
    String page = path.substring(base.length());
    String method = request.getMethod();
    if (page.isEmpty()) {
      response.setStatus(301);
      response.setHeader("Location", request.getContextPath() + base + "/");
    } else if (page.equals("/") && Operators.REF.equals(tenant.ref())) {
      // The operators' area has one first page: the councils (after signing out, too).
      response.setStatus(303);
      response.setHeader("Location", home(tenant, request));
    } else if (page.equals("/login") && isRead(method)) {
      login(tenant, request, response);
    } else if (page.equals("/callback") && isRead(method)) {
      callback(tenant, request, response);
    } else if (page.equals("/logout") && isRead(method)) {
      confirmSignOut(tenant, request, response);
    } else if (page.equals("/logout") && method.equals("POST")) {
      signOut(tenant, request, response);
    } else if (Arrays.asList("/login", "/callback", "/logout").contains(page)) {
      response.setHeader("Allow", page.equals("/logout") ? "GET, HEAD, POST" : "GET, HEAD");
      Pages.message(
          response, 405, "Not allowed", List.of("This page cannot be used that way."), null, null);
    } else {
      // Every other page of the council: the pages application (Jakarta MVC).
      chain.doFilter(request, response);
    }
  }

  private void login(Tenant tenant, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!sessions.isAvailable() || !secrets.isAvailable()) {
      Pages.message(
          response,
          503,
          "Signing in is not available",
          List.of(
              "Signing in to "
                  + tenant.displayName()
                  + " is not set up yet. Please try again later."),
          null,
          null);
      return;
    }
    if (!flow.isReachable(tenant)) {
      signInUnavailable(tenant, response);
      return;
    }
    String home = home(tenant, request);
    String wanted = request.getParameter("return");
    // Only a canonical page of this tenant: never another site, never another council.
    String returnTo =
        RequestPath.isPageOf(request.getContextPath(), tenant.slug(), wanted) ? wanted : home;
    SignInFlow.Start start = flow.start(tenant, returnTo);
    String key = sessions.beginSignIn(start.attempt());
    response.addCookie(
        cookie(tenant, request, SIGN_IN_COOKIE, key, (int) WebSessions.SIGN_IN_LIMIT.toSeconds()));
    response.setHeader("Cache-Control", "no-store");
    response.setStatus(303);
    response.setHeader("Location", start.authorization().toString());
  }

  private void callback(Tenant tenant, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<String> key = cookieValue(request, SIGN_IN_COOKIE);
    response.addCookie(cookie(tenant, request, SIGN_IN_COOKIE, "", 0));
    Optional<WebSessions.Attempt> attempt = key.flatMap(sessions::takeSignIn);
    String state = request.getParameter("state");
    if (attempt.isEmpty() || state == null || !state.equals(attempt.get().state())) {
      failed(
          tenant,
          request,
          response,
          "This sign-in has expired, or was started in another browser or tab.");
      return;
    }
    String iss = request.getParameter("iss");
    if (iss != null && !iss.equals(issuers.issuerOf(tenant).issuer())) {
      failed(tenant, request, response, "The sign-in came from the wrong place.");
      return;
    }
    String code = request.getParameter("code");
    if (request.getParameter("error") != null || code == null) {
      failed(tenant, request, response, "The sign-in did not complete.");
      return;
    }
    SignInFlow.Completed completed;
    try {
      completed = flow.complete(tenant, attempt.get(), code);
    } catch (SignInFlow.SignInFailed e) {
      if (e.unavailable()) {
        signInUnavailable(tenant, response);
      } else {
        failed(tenant, request, response, e.getMessage());
      }
      return;
    }
    currentCaller.set(completed.caller());
    // Their member record: linked by an invitation, or created now (never matched by email).
    if (!Operators.REF.equals(tenant.ref())) {
      members.forSignedIn(completed.caller().subject(), completed.caller().displayName());
    }
    // Never adopt a session key the browser brought: a new one, and the old one ends.
    cookieValue(request, SESSION_COOKIE).ifPresent(sessions::end);
    String session =
        sessions.open(completed.caller(), completed.idToken(), completed.refreshToken());
    response.addCookie(cookie(tenant, request, SESSION_COOKIE, session, -1));
    response.setStatus(303);
    response.setHeader("Location", attempt.get().returnTo());
  }

  private void confirmSignOut(
      Tenant tenant, HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (signedIn(request).isEmpty()) {
      response.setStatus(303);
      response.setHeader("Location", home(tenant, request));
      return;
    }
    Pages.confirmSignOut(response, tenant.displayName());
  }

  private void signOut(Tenant tenant, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String origin = request.getHeader("Origin");
    if (cookieValue(request, SESSION_COOKIE).isEmpty()) {
      response.setStatus(303); // signed out already
      response.setHeader("Location", home(tenant, request));
      return;
    }
    if (!SessionBoundCsrf.matches(request, request.getParameter(SessionBoundCsrf.FIELD))) {
      // Nobody signs someone else out from another site, nor with a token they made up.
      Pages.message(
          response,
          403,
          "The form could not be sent",
          List.of("This page has expired. Go back, reload the page and try again."),
          home(tenant, request),
          "Go to the home page");
      return;
    }
    if (origin != null && !address.home(tenant).startsWith(origin + "/")) {
      Pages.message(
          response,
          403,
          "Not allowed",
          List.of("Sign out from the council's own page."),
          null,
          null);
      return;
    }
    Optional<String> idToken = cookieValue(request, SESSION_COOKIE).flatMap(sessions::end);
    response.addCookie(cookie(tenant, request, SESSION_COOKIE, "", 0));
    response.setStatus(303);
    response.setHeader(
        "Location",
        idToken.isPresent() ? flow.signOut(tenant, idToken).toString() : home(tenant, request));
  }

  /** Keycloak cannot be reached: a page of ours in the council's style, to try again later. */
  private static void signInUnavailable(Tenant tenant, HttpServletResponse response)
      throws IOException {
    response.setHeader("Retry-After", "60");
    Pages.message(
        response,
        503,
        "Signing in is not available just now",
        List.of(
            "Signing in to " + tenant.displayName() + " is not working at the moment.",
            "Please try again in a few minutes. If you were signed in already, you still are."),
        null,
        null);
  }

  private void failed(
      Tenant tenant, HttpServletRequest request, HttpServletResponse response, String reason)
      throws IOException {
    Pages.message(
        response,
        400,
        "Sign-in did not complete",
        List.of(reason),
        request.getContextPath() + "/" + tenant.slug() + "/login",
        "Try signing in again");
  }

  private Optional<WebSessions.SignedIn> signedIn(HttpServletRequest request) {
    Optional<WebSessions.SignedIn> signedIn =
        cookieValue(request, SESSION_COOKIE).flatMap(sessions::find);
    signedIn.ifPresent(session -> currentCaller.set(session.caller()));
    return signedIn;
  }

  private Cookie cookie(
      Tenant tenant, HttpServletRequest request, String name, String value, int maxAge) {
    Cookie cookie = new Cookie(name, value);
    cookie.setPath(request.getContextPath() + "/" + tenant.slug() + "/");
    cookie.setHttpOnly(true);
    cookie.setSecure(secureCookies);
    cookie.setAttribute("SameSite", "Lax");
    cookie.setMaxAge(maxAge);
    return cookie;
  }

  private static Optional<String> cookieValue(HttpServletRequest request, String name) {
    return SessionCookies.value(request, name);
  }

  /** Where a signed-in person lands: the council's home, or the operators' list of councils. */
  private static String home(Tenant tenant, HttpServletRequest request) {
    return request.getContextPath()
        + "/"
        + tenant.slug()
        + (Operators.REF.equals(tenant.ref()) ? "/tenants" : "/");
  }

  private static boolean isRead(String method) {
    return method.equals("GET") || method.equals("HEAD");
  }
}
