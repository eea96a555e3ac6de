package org.roundtable.core.identity;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.roundtable.api.errors.Conflict;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.errors.Refused;
import org.roundtable.api.errors.Unavailable;
import org.roundtable.core.identity.provisioning.RealmProvisioner;
import org.roundtable.core.mail.InvitationLetters;
import org.roundtable.core.member.Member;
import org.roundtable.core.member.MemberDetails;
import org.roundtable.core.member.MemberDirectory;
import org.roundtable.core.tenancy.Tenant;
import org.roundtable.core.tenancy.TenantBinding;
import org.roundtable.core.tenancy.TenantRegistry;
import org.roundtable.steps.keycloak.KeycloakHttp;

/**
 * Inviting a member to sign in, for the API and the pages alike: a Keycloak user with the
 * set-password action (Keycloak's email carries the link), linked to the member record by the
 * invitation — never by matching email addresses — and the council's own letter.
 */
@RequestScoped
public class Invitations {

  private static final Logger LOG = Logger.getLogger(Invitations.class.getName());

  @Inject MemberDirectory directory;
  @Inject RealmProvisioner provisioner;
  @Inject TenantRegistry registry;
  @Inject InvitationLetters letters;
  @Inject CurrentCaller currentCaller;
  @Inject RoleRegistry roleRegistry;

  /**
   * @return the member, now linked to their new sign-in
   * @throws org.roundtable.api.errors.DomainException 404 for no such member; 409 without an email
   *     address, for someone who can already sign in, or when Keycloak refuses (an existing user
   *     with that email); 503 when Keycloak cannot be reached
   */
  public Member invite(UUID memberId) {
    return invite(memberId, Set.of("member"));
  }

  /**
   * Invites a member to sign in with these roles (from the registry; a member by default).
   *
   * @return the member, now linked to their new sign-in
   */
  public Member invite(UUID memberId, Set<String> roles) {
    for (String role : roles) {
      if (!roleRegistry.ids().contains(role)) {
        throw new Refused("roles", "'" + role + "' is not a role");
      }
    }
    if (roles.isEmpty()) {
      throw new Refused("roles", "choose at least one role");
    }
    Member member = directory.find(memberId).orElseThrow(() -> new NotFound("This member"));
    MemberDetails details = member.details();
    if (details.email() == null) {
      throw new Conflict(
          "This member has no email address: add one, or act for them without a sign-in");
    }
    if (member.subject().isPresent()) {
      throw new Conflict("This member can already sign in");
    }
    Tenant tenant =
        registry
            .findActive(TenantBinding.current().orElseThrow().slug())
            .orElseThrow(() -> new NotFound("This council"));
    String[] names = details.fullName().strip().split("\\s+", 2);
    String subject;
    try {
      subject =
          provisioner.invite(
              tenant,
              details.email(),
              names[0],
              names.length > 1 ? names[1] : names[0],
              java.util.List.copyOf(roles));
    } catch (KeycloakHttp.Refused e) {
      LOG.log(Level.WARNING, "Keycloak refused an invitation to " + tenant.slug(), e);
      throw new Conflict(
          "The invitation could not be made: someone with this email may already have a sign-in"
              + " in this council");
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Could not reach the realm of " + tenant.slug() + " to invite", e);
      throw new Unavailable(
          "The invitation could not be made just now: the sign-in service is not answering."
              + " Nothing was changed; try again in a minute.");
    }
    Member linked;
    try {
      linked = directory.linkInvited(memberId, subject);
    } catch (RuntimeException e) {
      provisioner.withdrawInvitation(tenant, subject);
      throw e;
    }
    letters.send(
        tenant,
        details.email(),
        details.fullName(),
        currentCaller.get().map(Caller::displayName).orElse(tenant.displayName()));
    return linked;
  }
}
