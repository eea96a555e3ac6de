package org.roundtable.core.identity;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.roundtable.api.errors.Forbidden;
import org.roundtable.api.errors.Refused;
import org.roundtable.api.platform.Guests;
import org.roundtable.api.plugin.GuestResource;
import org.roundtable.core.audit.AuditLog;
import org.roundtable.core.member.Member;
import org.roundtable.core.member.MemberDirectory;

/**
 * Inviting guests to a plugin's records and taking records away from them, for whoever holds the
 * resource's {@code invitedBy} permission: the guest's record and grant first (one transaction),
 * then their sign-in through the council's realm, like any invitation ({@link Invitations}), with
 * the {@code guest} role alone. A guest invited again, to another record, gets one more grant.
 */
@RequestScoped
public class GuestInvitations {

  @Inject AccessControl access;
  @Inject GuestGrants grants;
  @Inject Invitations invitations;
  @Inject MemberDirectory members;
  @Inject CurrentCaller caller;
  @Inject AuditLog audit;

  /**
   * @return the guest's member id
   */
  public UUID invite(String resource, String record, Guests.Invitation invitation) {
    requireInviter(resource);
    String name = required("fullName", invitation.fullName(), 200);
    String email = required("email", invitation.email(), 254);
    if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      throw new Refused("email", "enter an email address like name@example.org");
    }
    String organisation =
        Optional.ofNullable(invitation.organisation()).map(String::strip).orElse("");
    if (organisation.length() > 200) {
      throw new Refused("organisation", "must be 200 characters or fewer");
    }
    String recordId = recordId(record);
    Member guest = grants.admit(resource, recordId, name, email, organisation, caller.actor());
    if (guest.subject().isEmpty()) {
      invitations.invite(guest.id(), Set.of(RoleRegistry.GUEST));
    }
    return guest.id();
  }

  /**
   * @return whether the guest had the record
   */
  @Transactional
  public boolean revoke(String resource, String record, UUID guest) {
    requireInviter(resource);
    boolean had = grants.revoke(guest, resource, recordId(record));
    if (had) {
      audit.record("guest.revoked", "member", guest.toString(), resource + " " + record);
    }
    return had;
  }

  /** The guests of a record, named. */
  public List<Guests.Guest> of(String resource, String record) {
    requireInviter(resource);
    List<GuestGrants.Grant> found = grants.of(resource, recordId(record));
    var names = new java.util.HashMap<UUID, String>();
    members
        .findAll(found.stream().map(GuestGrants.Grant::memberId).toList())
        .forEach(m -> names.put(m.id(), m.details().fullName()));
    return found.stream()
        .map(
            g ->
                new Guests.Guest(
                    g.memberId(),
                    names.getOrDefault(g.memberId(), "(former member)"),
                    g.organisation(),
                    g.grantedAt()))
        .toList();
  }

  private void requireInviter(String resource) {
    GuestResource declared =
        grants
            .declared(resource)
            .orElseThrow(() -> new Refused("resource", "no plugin lets guests see " + resource));
    if (!access.holds(declared.invitedBy())) {
      throw new Forbidden("Inviting guests here needs the permission " + declared.invitedBy());
    }
  }

  private static String recordId(String record) {
    return required("recordId", record, 100);
  }

  private static String required(String field, String value, int longest) {
    if (value == null || value.isBlank()) {
      throw new Refused(field, "is required");
    }
    if (value.strip().length() > longest) {
      throw new Refused(field, "must be " + longest + " characters or fewer");
    }
    return value.strip();
  }
}
