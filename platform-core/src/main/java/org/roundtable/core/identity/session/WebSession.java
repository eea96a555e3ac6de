package org.roundtable.core.identity.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.roundtable.api.persistence.TenantOwned;

/** A browser's signed-in session, for one tenant only; keyed by the hash of its cookie value. */
@Entity
@Table(name = "web_session")
@TenantOwned
class WebSession {

  @Id
  @Column(name = "id_hash")
  private String idHash;

  @Column(nullable = false, updatable = false)
  private String subject;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  @Column(nullable = false)
  private String roles;

  @Column(name = "id_token", nullable = false, updatable = false)
  private String idToken;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "last_seen_at", nullable = false)
  private Instant lastSeenAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  /** The refresh token, sealed: how the session follows Keycloak (roles, a disabled person). */
  @Column(name = "refresh_token")
  private String refreshToken;

  /** When roles were last taken from Keycloak (null: at sign-in, {@link #createdAt}). */
  @Column(name = "refreshed_at")
  private Instant refreshedAt;

  /** Since when Keycloak could not be reached to refresh this session, if it cannot now. */
  @Column(name = "keycloak_away_since")
  private Instant keycloakAwaySince;

  /** The member an officer is acting for in this session, if any (text: EclipseLink and null). */
  @Column(name = "acting_for")
  private String actingFor;

  protected WebSession() {}

  WebSession(
      String idHash,
      String subject,
      String displayName,
      Set<String> roles,
      String sealedIdToken,
      String sealedRefreshToken,
      Instant now,
      Instant expiresAt) {
    this.idHash = idHash;
    this.subject = subject;
    this.displayName = displayName;
    this.roles = String.join(",", roles);
    this.idToken = sealedIdToken;
    this.refreshToken = sealedRefreshToken;
    this.refreshedAt = now;
    this.createdAt = now;
    this.lastSeenAt = now;
    this.expiresAt = expiresAt;
  }

  String subject() {
    return subject;
  }

  String displayName() {
    return displayName;
  }

  Set<String> roles() {
    return roles.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(roles.split(",")));
  }

  String sealedIdToken() {
    return idToken;
  }

  Instant lastSeenAt() {
    return lastSeenAt;
  }

  Instant expiresAt() {
    return expiresAt;
  }

  Optional<UUID> actingFor() {
    return Optional.ofNullable(actingFor).map(UUID::fromString);
  }

  void actFor(Optional<UUID> member) {
    this.actingFor = member.map(UUID::toString).orElse(null);
  }

  void seen(Instant now) {
    this.lastSeenAt = now;
  }

  String sealedRefreshToken() {
    return refreshToken;
  }

  Instant refreshedAt() {
    return refreshedAt == null ? createdAt : refreshedAt;
  }

  Optional<Instant> keycloakAwaySince() {
    return Optional.ofNullable(keycloakAwaySince);
  }

  /** Keycloak vouched for the person again: their name and roles as it gives them now. */
  void refreshed(String displayName, Set<String> roles, String sealedRefreshToken, Instant now) {
    this.displayName = displayName;
    this.roles = String.join(",", roles);
    this.refreshToken = sealedRefreshToken;
    this.refreshedAt = now;
    this.keycloakAwaySince = null;
  }

  /** Keycloak could not be reached to refresh (the first time of an outage is kept). */
  void keycloakAway(Instant now) {
    if (keycloakAwaySince == null) {
      keycloakAwaySince = now;
    }
  }
}
