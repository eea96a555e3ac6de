package org.roundtable.core.identity.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.roundtable.api.persistence.TenantOwned;

/**
 * A sign-in under way: what the callback must find again ({@code state}, {@code nonce}, the PKCE
 * verifier), bound to the browser that started it by the hash of a short-lived cookie.
 */
@Entity
@Table(name = "web_sign_in")
@TenantOwned
class PendingSignIn {

  @Id
  @Column(name = "id_hash")
  private String idHash;

  @Column(nullable = false)
  private String state;

  @Column(nullable = false)
  private String nonce;

  @Column(name = "code_verifier", nullable = false)
  private String codeVerifier;

  @Column(name = "return_to", nullable = false)
  private String returnTo;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected PendingSignIn() {}

  PendingSignIn(
      String idHash,
      String state,
      String nonce,
      String codeVerifier,
      String returnTo,
      Instant createdAt) {
    this.idHash = idHash;
    this.state = state;
    this.nonce = nonce;
    this.codeVerifier = codeVerifier;
    this.returnTo = returnTo;
    this.createdAt = createdAt;
  }

  String state() {
    return state;
  }

  String nonce() {
    return nonce;
  }

  String codeVerifier() {
    return codeVerifier;
  }

  String returnTo() {
    return returnTo;
  }

  Instant createdAt() {
    return createdAt;
  }
}
