package org.roundtable.core.tenancy;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A tenant as the platform stores it: platform-level, not tenant-owned. */
@Entity
@Table(name = "platform_tenant")
@EntityListeners(CachedRowChanges.class)
public class TenantRecord {

  @Id private String id;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  @Column(nullable = false)
  private String realm;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Tenant.Status status = Tenant.Status.ACTIVE;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "platform_tenant_hostname", joinColumns = @JoinColumn(name = "tenant_id"))
  @Column(name = "hostname")
  private Set<String> hostnames = new LinkedHashSet<>();

  @Enumerated(EnumType.STRING)
  @Column(name = "sign_in", nullable = false)
  private Tenant.SignIn signIn = Tenant.SignIn.READY;

  @Column(name = "sign_in_problem")
  private String signInProblem;

  @Column(name = "sign_in_tried_at")
  private Instant signInTriedAt;

  @Column(name = "first_admin_email")
  private String firstAdminEmail;

  @Column(name = "first_admin_first_name")
  private String firstAdminFirstName;

  @Column(name = "first_admin_last_name")
  private String firstAdminLastName;

  @Column(name = "source_file")
  private String sourceFile;

  @Column(name = "source_hash")
  private String sourceHash;

  @Column(name = "applied_at")
  private Instant appliedAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected TenantRecord() {}

  public TenantRecord(String id, String displayName, String realm, Instant now) {
    this.id = id;
    this.displayName = displayName;
    this.realm = realm;
    this.createdAt = now;
    this.updatedAt = now;
  }

  public Tenant toTenant() {
    return new Tenant(id, displayName, realm, status, List.copyOf(hostnames), signIn);
  }

  public String id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  public String realm() {
    return realm;
  }

  public Set<String> hostnames() {
    return Set.copyOf(hostnames);
  }

  public String sourceHash() {
    return sourceHash;
  }

  public void rename(String newDisplayName, Instant now) {
    this.displayName = newDisplayName;
    this.updatedAt = now;
  }

  public void useRealm(String newRealm, Instant now) {
    this.realm = newRealm;
    this.updatedAt = now;
  }

  public void useHostnames(List<String> newHostnames, Instant now) {
    this.hostnames.clear();
    this.hostnames.addAll(newHostnames);
    this.updatedAt = now;
  }

  public void changeStatus(Tenant.Status newStatus, Instant now) {
    this.status = newStatus;
    this.updatedAt = now;
  }

  /** A first administrator to invite once the sign-in is set up. */
  public record FirstAdmin(String email, String firstName, String lastName) {}

  /**
   * Serves nothing until its sign-in is set up; then its first administrator, if any, is invited.
   */
  public void awaitSignIn(Optional<FirstAdmin> firstAdmin, Instant now) {
    this.signIn = Tenant.SignIn.PENDING;
    this.firstAdminEmail = firstAdmin.map(FirstAdmin::email).orElse(null);
    this.firstAdminFirstName = firstAdmin.map(FirstAdmin::firstName).orElse(null);
    this.firstAdminLastName = firstAdmin.map(FirstAdmin::lastName).orElse(null);
    this.updatedAt = now;
  }

  /** The first administrator still to invite, if any. */
  public Optional<FirstAdmin> firstAdmin() {
    return Optional.ofNullable(firstAdminEmail)
        .map(email -> new FirstAdmin(email, firstAdminFirstName, firstAdminLastName));
  }

  /** Setting up the sign-in failed, for this reason; it stays pending. */
  public void signInFailed(String problem, Instant now) {
    this.signIn = Tenant.SignIn.PENDING;
    this.signInProblem = problem.length() > 1000 ? problem.substring(0, 1000) : problem;
    this.signInTriedAt = now;
  }

  /** The sign-in is set up (and the first administrator, if any, invited). */
  public void signInReady(Instant now) {
    this.signIn = Tenant.SignIn.READY;
    this.signInProblem = null;
    this.signInTriedAt = now;
    this.firstAdminEmail = null;
    this.firstAdminFirstName = null;
    this.firstAdminLastName = null;
    this.updatedAt = now;
  }

  /** Why setting up the sign-in last failed, while it is pending. */
  public Optional<String> signInProblem() {
    return Optional.ofNullable(signInProblem);
  }

  /** When setting up the sign-in was last tried. */
  public Optional<Instant> signInTriedAt() {
    return Optional.ofNullable(signInTriedAt);
  }

  /** The folder of the tenant file it came from, if it came from one (its realm template). */
  public Optional<java.nio.file.Path> sourceFolder() {
    return Optional.ofNullable(sourceFile)
        .map(java.nio.file.Path::of)
        .map(java.nio.file.Path::getParent);
  }

  public void recordSource(String file, String hash, Instant now) {
    this.sourceFile = file;
    this.sourceHash = hash;
    this.appliedAt = now;
  }
}
