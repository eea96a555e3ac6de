package org.roundtable.core.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.roundtable.api.errors.Conflict;
import org.roundtable.api.errors.NotFound;
import org.roundtable.core.member.Member;
import org.roundtable.core.member.MemberDirectory;
import org.roundtable.steps.access.EndpointAccess;

/**
 * The permission and acting-for checks, the same for the JSON API (bearer tokens) and the pages
 * (browser sessions): one place decides what the current caller may do. It holds nothing of a
 * request (the caller is {@link CurrentCaller}'s, per request), so one instance serves all.
 */
@ApplicationScoped
public class AccessControl {

  /** The role of the people an officer acts for: members taking part without a sign-in. */
  static final String ACTED_FOR = "member";

  private static final java.util.Set<String> ACTED_FOR_ROLES = java.util.Set.of(ACTED_FOR);

  @Inject CurrentCaller currentCaller;
  @Inject PermissionGrants grants;
  @Inject MemberDirectory members;
  @Inject GuestGrants guests;

  /**
   * Checks an endpoint's rule for the current caller (authentication has checked the council): its
   * permission, held through a role or, on a plugin's endpoint marked {@link
   * org.roundtable.api.security.GuestAccess}, through a guest grant on the record in the path. A
   * guest gets a 404 for a plugin's endpoint outside their records, as if nothing were there.
   *
   * @throws ForbiddenException without the permission
   * @throws NotFoundException for a guest outside their records
   */
  public void requireEndpoint(EndpointAccess rule, ResourceInfo endpoint, UriInfo uri) {
    switch (rule.kind()) {
      case PERMISSION -> {
        String permission = rule.permission().orElseThrow();
        if (!holds(permission) && !letsGuest(endpoint, uri, permission)) {
          if (isGuest() && isPluginRoute(uri)) {
            throw new NotFoundException();
          }
          require(permission);
        }
      }
      case SIGNED_IN -> {
        // A plugin's endpoints for any member are not a guest's, unless marked for the record.
        if (isGuestOnly() && isPluginRoute(uri) && !letsGuest(endpoint, uri, null)) {
          throw new NotFoundException();
        }
      }
      default -> {
        // Public, or decided before (operators).
      }
    }
  }

  /** Whether the caller holds the guest role and no other. */
  public boolean isGuestOnly() {
    return currentCaller
        .get()
        .map(c -> c.roles().equals(java.util.Set.of(RoleRegistry.GUEST)))
        .orElse(false);
  }

  private boolean isGuest() {
    return currentCaller.get().map(c -> c.roles().contains(RoleRegistry.GUEST)).orElse(false);
  }

  private static boolean isPluginRoute(UriInfo uri) {
    return uri.getMatchedResources().stream().anyMatch(PluginRoute.class::isInstance);
  }

  private boolean letsGuest(ResourceInfo endpoint, UriInfo uri, String permission) {
    if (!isGuest() || !isPluginRoute(uri)) {
      return false;
    }
    Caller caller = currentCaller.get().orElseThrow();
    return GuestRule.of(endpoint)
        .map(
            rule ->
                rule.lets(
                    uri,
                    permission,
                    guests,
                    () ->
                        currentCaller.memberId(
                            () ->
                                members.forSignedIn(caller.subject(), caller.displayName()).id())))
        .orElse(false);
  }

  /**
   * Whether the current caller may use a permission in this council: their roles hold it, and while
   * they act for someone, that person could use it themselves (the council's grants to the {@value
   * #ACTED_FOR} role). What every endpoint's rule and the core's own checks ask; plugins' {@code
   * CurrentMember.hasPermission} stays the signed-in person's, as the plugin API says.
   */
  public boolean holds(String permission) {
    return ownRight(permission)
        && (currentCaller.onBehalfOf().isEmpty() || grants.isGranted(ACTED_FOR_ROLES, permission));
  }

  /** Whether the caller's own roles hold a permission (decided once per request). */
  private boolean ownRight(String permission) {
    return currentCaller
        .get()
        .map(c -> currentCaller.holds(permission, p -> grants.isGranted(c.roles(), p)))
        .orElse(false);
  }

  /**
   * @throws ForbiddenException without the permission
   */
  public void require(String permission) {
    if (!holds(permission)) {
      throw new ForbiddenException(
          currentCaller.onBehalfOf().isPresent() && ownRight(permission)
              ? "While acting for someone you may do only what they may do themselves (this needs"
                  + " the permission "
                  + permission
                  + "): stop acting for them first"
              : "This needs the permission " + permission);
    }
  }

  /**
   * "Assisted digital": the current caller, an officer, acts for a member who takes part without
   * signing in (no email, no device, or help by phone). The member must be one of this council's
   * and have no sign-in of their own; whatever the request changes is audited as done by the
   * officer on their behalf. From then on the request may do only what the member may do
   * themselves: an officer's own administration waits until they stop acting for them.
   *
   * @return the member acted for
   * @throws ForbiddenException without {@link Permissions#MEMBERS_ACT_FOR}
   * @throws org.roundtable.api.errors.DomainException 404 for a member of no council here, 409 for
   *     one who signs in
   */
  public Member actFor(UUID memberId) {
    require(Permissions.MEMBERS_ACT_FOR);
    Member member = members.find(memberId).orElseThrow(() -> new NotFound("The member acted for"));
    if (member.subject().isPresent()) {
      throw new Conflict("This member signs in themselves; act for members without a sign-in only");
    }
    currentCaller.actFor(memberId);
    return member;
  }
}
