package org.roundtable.core.identity;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import java.util.UUID;
import org.roundtable.api.errors.Conflict;
import org.roundtable.api.errors.NotFound;
import org.roundtable.core.member.Member;
import org.roundtable.core.member.MemberDirectory;

/**
 * The permission and acting-for checks, the same for the JSON API (bearer tokens) and the pages
 * (browser sessions): one place decides what the current caller may do.
 */
@RequestScoped
public class AccessControl {

  @Inject CurrentCaller currentCaller;
  @Inject PermissionGrants grants;
  @Inject MemberDirectory members;

  /** Whether the current caller's roles hold a permission in this council. */
  public boolean holds(String permission) {
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
      throw new ForbiddenException("This needs the permission " + permission);
    }
  }

  /**
   * "Assisted digital": the current caller, an officer, acts for a member who takes part without
   * signing in (no email, no device, or help by phone). The member must be one of this council's
   * and have no sign-in of their own; whatever the request changes is audited as done by the
   * officer on their behalf.
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
