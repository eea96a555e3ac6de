package org.roundtable.core.tenancy.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
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
import java.util.Set;
import org.roundtable.core.tenancy.Tenant;

/** A tenant as the platform stores it: platform-level, not tenant-owned. */
@Entity
@Table(name = "platform_tenant")
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
    return new Tenant(id, displayName, realm, status, List.copyOf(hostnames));
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

  public void recordSource(String file, String hash, Instant now) {
    this.sourceFile = file;
    this.sourceHash = hash;
    this.appliedAt = now;
  }
}
