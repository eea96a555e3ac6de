package org.roundtable.core.identity.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Logger;
import org.roundtable.core.tenancy.Tenant;

/**
 * Keeps a browser session following Keycloak (ADR 0016): when a session's refresh is due, its
 * tokens are refreshed at Keycloak (outside any database transaction) and the session takes the
 * roles Keycloak gives the person now; if Keycloak refuses (the person was disabled or deleted, or
 * their Keycloak session ended) the session ends; if Keycloak cannot be reached, the session goes
 * on with the roles it had, for the grace period.
 */
@ApplicationScoped
public class SessionRefresh {

  private static final Logger LOG = Logger.getLogger(SessionRefresh.class.getName());

  @Inject WebSessions sessions;
  @Inject SignInFlow flow;

  /** The session as it stands after a refresh, if one was due; empty when it has ended. */
  public Optional<WebSessions.SignedIn> current(
      Tenant tenant, String key, WebSessions.SignedIn signedIn) {
    if (!signedIn.refreshDue()) {
      return Optional.of(signedIn);
    }
    Optional<String> refreshToken = sessions.refreshToken(key);
    if (refreshToken.isEmpty()) {
      // A session opened before sessions kept refresh tokens: it cannot follow Keycloak.
      sessions.end(key);
      return Optional.empty();
    }
    try {
      SignInFlow.Refreshed refreshed = flow.refresh(tenant, refreshToken.get());
      Optional<WebSessions.SignedIn> now =
          sessions.refreshed(key, refreshed.caller(), refreshed.refreshToken());
      if (now.isEmpty()) {
        sessions.end(key);
      }
      return now;
    } catch (SignInFlow.RefreshRefused e) {
      LOG.info(() -> "Keycloak refused to refresh a session of " + tenant.slug() + ": it ends");
      sessions.end(key);
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      LOG.warning(
          () -> "Keycloak could not refresh a session of " + tenant.slug() + " just now: " + e);
      sessions.keycloakAway(key);
      return Optional.of(signedIn);
    }
  }
}
