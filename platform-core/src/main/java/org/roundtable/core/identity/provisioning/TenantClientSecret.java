package org.roundtable.core.identity.provisioning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.roundtable.api.persistence.TenantOwned;

/** A tenant's confidential client secret, as stored: sealed, with the id of the sealing key. */
@Entity
@Table(name = "tenant_client_secret")
@TenantOwned
public class TenantClientSecret {

  @Id
  @Column(name = "client_id")
  private String clientId;

  @Column(nullable = false)
  private String secret;

  @Column(name = "key_id", nullable = false)
  private String keyId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected TenantClientSecret() {}

  public TenantClientSecret(String clientId, String sealedSecret, String keyId, Instant now) {
    this.clientId = clientId;
    this.secret = sealedSecret;
    this.keyId = keyId;
    this.createdAt = now;
  }

  /** A new secret (or the same one sealed with another key) replaces this one. */
  void replace(String sealedSecret, String keyId, Instant now) {
    this.secret = sealedSecret;
    this.keyId = keyId;
    this.createdAt = now;
  }

  /** The same secret sealed again, as new values are sealed; when it was created stays. */
  void resealed(String sealedSecret, String keyId) {
    this.secret = sealedSecret;
    this.keyId = keyId;
  }

  public String clientId() {
    return clientId;
  }

  public String keyId() {
    return keyId;
  }

  public String sealedSecret() {
    return secret;
  }
}
