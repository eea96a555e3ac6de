package org.roundtable.core.plugin.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.roundtable.api.platform.AuditTrail;
import org.roundtable.api.platform.CurrentMember;
import org.roundtable.api.platform.Guests;
import org.roundtable.api.platform.Mail;
import org.roundtable.api.platform.Members;
import org.roundtable.api.security.SealedValues;
import org.roundtable.api.tenancy.TenantRef;
import org.roundtable.core.audit.AuditLog;
import org.roundtable.core.identity.Caller;
import org.roundtable.core.identity.CurrentCaller;
import org.roundtable.core.identity.GuestGrants;
import org.roundtable.core.identity.GuestInvitations;
import org.roundtable.core.identity.PermissionGrants;
import org.roundtable.core.identity.RoleRegistry;
import org.roundtable.core.mail.MailOutbox;
import org.roundtable.core.mail.Mailer;
import org.roundtable.core.member.MemberDirectory;
import org.roundtable.core.persistence.EncryptionSettings;
import org.roundtable.core.tenancy.TenantBinding;
import org.roundtable.core.tenancy.TenantRegistry;
import org.roundtable.steps.crypto.FieldEncryption;

/** The platform interfaces plugins inject, each a thin door onto a core service. */
final class PlatformForPlugins {

  private PlatformForPlugins() {}

  /** {@link AuditTrail}: the core's audit log, in the caller's transaction. */
  @ApplicationScoped
  public static class Audit implements AuditTrail {
    @Inject AuditLog log;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String resourceType, String resourceId, String details) {
      log.record(action, resourceType, resourceId, details);
    }
  }

  /** {@link CurrentMember}: the signed-in caller, or the member an officer acts for. */
  @ApplicationScoped
  public static class Member implements CurrentMember {
    @Inject CurrentCaller caller;
    @Inject MemberDirectory members;
    @Inject PermissionGrants grants;
    @Inject GuestGrants guests;

    @Override
    public Optional<UUID> id() {
      if (caller.onBehalfOf().isPresent()) {
        return caller.onBehalfOf();
      }
      return signedInId();
    }

    @Override
    public Optional<UUID> signedInId() {
      return caller
          .get()
          .map(c -> caller.memberId(() -> members.forSignedIn(c.subject(), c.displayName()).id()));
    }

    @Override
    public Optional<String> displayName() {
      return caller.get().map(Caller::displayName);
    }

    @Override
    public Set<String> roles() {
      return caller.get().map(Caller::roles).orElse(Set.of());
    }

    @Override
    public boolean hasPermission(String permission) {
      return caller.holds(permission, p -> grants.isGranted(roles(), p));
    }

    @Override
    public Set<String> guestRecords(String resource) {
      if (!roles().contains(RoleRegistry.GUEST)) {
        return Set.of();
      }
      return signedInId().map(id -> guests.records(id, resource)).orElse(Set.of());
    }
  }

  /** {@link Guests}: people from outside, invited to named records of one plugin. */
  @ApplicationScoped
  public static class GuestDoor implements Guests {
    @Inject GuestInvitations invitations;

    @Override
    public UUID invite(String resource, String recordId, Invitation invitation) {
      return invitations.invite(resource, recordId, invitation);
    }

    @Override
    public boolean revoke(String resource, String recordId, UUID guest) {
      return invitations.revoke(resource, recordId, guest);
    }

    @Override
    public List<Guest> of(String resource, String recordId) {
      return invitations.of(resource, recordId);
    }
  }

  /** {@link Members}: names and addresses of the current tenant's members. */
  @ApplicationScoped
  public static class MemberLookup implements Members {
    @Inject MemberDirectory members;

    @Override
    public Optional<Summary> find(UUID id) {
      return members.find(id).map(MemberLookup::summary);
    }

    @Override
    public Map<UUID, Summary> findAll(Collection<UUID> ids) {
      Map<UUID, Summary> found = new HashMap<>();
      members.findAll(ids).forEach(m -> found.put(m.id(), summary(m)));
      return found;
    }

    @Override
    public java.util.List<Summary> list(int offset, int limit) {
      return members.list(offset, limit).stream().map(MemberLookup::summary).toList();
    }

    @Override
    public Optional<AccessNeeds> accessNeeds(UUID id) {
      return members
          .find(id)
          .filter(org.roundtable.core.member.Member::accessNeedsShared)
          .map(
              m ->
                  new AccessNeeds(
                      m.details().accessNeeds().stream()
                          .sorted()
                          .map(org.roundtable.core.member.AccessNeed::words)
                          .toList(),
                      Optional.ofNullable(m.details().accessNotes()).orElse("")));
    }

    private static Summary summary(org.roundtable.core.member.Member m) {
      return new Summary(
          m.id(),
          Optional.ofNullable(m.details().preferredName()).orElse(m.details().fullName()),
          Optional.ofNullable(m.details().email()));
    }
  }

  /** {@link SealedValues}: the platform's field encryption, keys from configuration. */
  @ApplicationScoped
  public static class Sealed implements SealedValues {
    @Inject EncryptionSettings settings;

    @Override
    public boolean isAvailable() {
      return settings.encryption().isPresent();
    }

    @Override
    public String seal(String plaintext, String table, String row) {
      return encryption().seal(plaintext, place(table, row));
    }

    @Override
    public String open(String sealed, String table, String row) {
      return encryption().open(sealed, place(table, row));
    }

    @Override
    public boolean needsResealing(String sealed) {
      return !encryption().isCurrent(sealed);
    }

    @Override
    public String currentPattern() {
      return encryption().currentPattern();
    }

    @Override
    @Deprecated(since = "1.5.0", forRemoval = true)
    public String seal(String plaintext) {
      return encryption().sealUnbound(plaintext);
    }

    @Override
    @Deprecated(since = "1.5.0", forRemoval = true)
    public String open(String sealed) {
      return encryption().openUnbound(sealed);
    }

    private static FieldEncryption.Place place(String table, String row) {
      TenantRef tenant =
          TenantBinding.current()
              .orElseThrow(() -> new IllegalStateException("Values are sealed in a council"));
      return new FieldEncryption.Place(tenant.slug(), table, row);
    }

    private FieldEncryption encryption() {
      return settings
          .encryption()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "No data keys: set roundtable.crypto.keys and roundtable.crypto.active-key"));
    }
  }

  /**
   * {@link Mail}: the platform's mail service, from the current tenant, through the outbox: queued
   * with the caller's change, sent after commit until the relay takes it.
   */
  @ApplicationScoped
  public static class TenantMail implements Mail {
    @Inject Mailer mailer;
    @Inject MailOutbox outbox;
    @Inject TenantRegistry registry;

    @Override
    public void send(String to, String subject, String text, List<Attachment> attachments)
        throws MailNotSent {
      String council =
          registry
              .find(TenantBinding.current().orElseThrow().slug())
              .map(t -> t.displayName())
              .orElseThrow();
      if (!mailer.isConfigured()) {
        throw new MailNotSent("No mail relay is configured (roundtable.mail.host)", null);
      }
      outbox.queue(
          new Mailer.Email(
              to,
              council,
              subject,
              text,
              attachments.stream()
                  .map(a -> new Mailer.Attachment(a.fileName(), a.contentType(), a.content()))
                  .toList()));
    }
  }
}
