package org.roundtable.testkit.fakes;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.roundtable.api.platform.CurrentMember;

/** Who is signed in, with which roles and permissions, as the test says; nobody at first. */
public final class FakeCurrentMember implements CurrentMember {

  private UUID id;
  private UUID signedIn;
  private String name;
  private Set<String> roles = Set.of();
  private Set<String> permissions = Set.of();
  private final java.util.Map<String, Set<String>> guestOf = new java.util.HashMap<>();

  /** Signs a member in, acting for themselves. */
  public FakeCurrentMember signIn(
      UUID member, String displayName, Set<String> memberRoles, Set<String> memberPermissions) {
    this.id = member;
    this.signedIn = member;
    this.name = displayName;
    this.roles = Set.copyOf(memberRoles);
    this.permissions = Set.copyOf(memberPermissions);
    guestOf.clear();
    return this;
  }

  /**
   * Signs a guest in: the {@code guest} role alone, no permission, and these records of one guest
   * resource.
   */
  public FakeCurrentMember signInGuest(
      UUID guest, String displayName, String resource, Set<String> records) {
    signIn(guest, displayName, Set.of("guest"), Set.of());
    guestOf.put(resource, Set.copyOf(records));
    return this;
  }

  /** The signed-in member acts for another (an officer for someone they support). */
  public FakeCurrentMember actFor(UUID member) {
    this.id = member;
    return this;
  }

  /** Nobody is signed in. */
  public FakeCurrentMember signOut() {
    id = null;
    signedIn = null;
    name = null;
    roles = Set.of();
    permissions = Set.of();
    guestOf.clear();
    return this;
  }

  @Override
  public Set<String> guestRecords(String resource) {
    return roles.contains("guest") ? guestOf.getOrDefault(resource, Set.of()) : Set.of();
  }

  @Override
  public Optional<UUID> id() {
    return Optional.ofNullable(id);
  }

  @Override
  public Optional<String> displayName() {
    return Optional.ofNullable(name);
  }

  @Override
  public Set<String> roles() {
    return roles;
  }

  @Override
  public boolean hasPermission(String permission) {
    return permissions.contains(permission);
  }

  @Override
  public Optional<UUID> signedInId() {
    return Optional.ofNullable(signedIn);
  }
}
