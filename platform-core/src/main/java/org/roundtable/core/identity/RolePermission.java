package org.roundtable.core.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import org.roundtable.api.persistence.TenantOwned;

/** One grant: a role of this tenant holds a permission. */
@Entity
@Table(name = "role_permission")
@IdClass(RolePermission.Key.class)
@TenantOwned
public class RolePermission {

  @Id
  @Column(nullable = false)
  private String role;

  @Id
  @Column(nullable = false)
  private String permission;

  protected RolePermission() {}

  public RolePermission(String role, String permission) {
    this.role = role;
    this.permission = permission;
  }

  public String role() {
    return role;
  }

  public String permission() {
    return permission;
  }

  /** Identity of a grant within the tenant. */
  public static class Key implements Serializable {
    private String role;
    private String permission;

    public Key() {}

    public Key(String role, String permission) {
      this.role = role;
      this.permission = permission;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && java.util.Objects.equals(role, key.role)
          && java.util.Objects.equals(permission, key.permission);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(role, permission);
    }
  }
}
