package org.roundtable.api.platform;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The member the current request is for: the signed-in person, or the member an officer is acting
 * for ("assisted digital"), in the current tenant.
 *
 * @since 1.0.0
 */
public interface CurrentMember {

  /**
   * The member's id, their record created on first sign-in if need be.
   *
   * @return the member's id, or empty when nobody is signed in
   * @since 1.0.0
   */
  Optional<UUID> id();

  /**
   * @return the signed-in person's name as they see it
   * @since 1.0.0
   */
  Optional<String> displayName();

  /**
   * @return the platform roles of the signed-in person (not of a member acted for)
   * @since 1.0.0
   */
  Set<String> roles();

  /**
   * Whether the signed-in person holds a permission in this tenant.
   *
   * @param permission e.g. {@code boards:meetings:manage}
   * @return whether they hold it
   * @since 1.0.0
   */
  boolean hasPermission(String permission);

  /**
   * The signed-in person's own member id, even while they act for another member: what separation
   * of duties compares with (nobody approves their own claim).
   *
   * @return their own id, or empty when nobody is signed in
   * @since 1.1.0
   */
  Optional<UUID> signedInId();

  /**
   * Whether the signed-in person is acting for another member ({@link #id()} is that member's).
   *
   * @return whether they act for someone else
   * @since 1.1.0
   */
  default boolean isActingForAnother() {
    return id().isPresent() && !id().equals(signedInId());
  }

  /**
   * The records of a guest resource the signed-in person is a guest of ({@link
   * org.roundtable.api.plugin.GuestResource}): what a list shows a guest, who sees nothing else.
   *
   * @param resource {@code <pluginId>:<resource>}
   * @return the records' ids, empty for anyone who is not a guest of one
   * @since 1.9.0
   */
  default Set<String> guestRecords(String resource) {
    return Set.of();
  }

  /**
   * Whether the signed-in person holds the guest role and no other: they see only what their guest
   * grants give.
   *
   * @return whether they are only a guest here
   * @since 1.9.0
   */
  default boolean isGuestOnly() {
    return roles().equals(Set.of("guest"));
  }
}
