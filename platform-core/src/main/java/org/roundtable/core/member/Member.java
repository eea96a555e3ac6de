package org.roundtable.core.member;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.roundtable.api.persistence.TenantOwned;
import org.roundtable.core.member.internal.EnumSetCodec;

/**
 * A person in one tenant: an expert by experience, a carer, an officer, a social worker. The same
 * human in two councils is two members.
 */
@Entity
@Table(name = "member")
@TenantOwned
public class Member {

  @Id private UUID id;

  @Column(name = "full_name", nullable = false)
  private String fullName;

  @Column(name = "preferred_name")
  private String preferredName;

  private String email;
  private String phone;

  @Column(name = "postal_address")
  private String postalAddress;

  @Column(name = "contact_channels", nullable = false)
  private String contactChannels = "";

  @Column(nullable = false)
  private String formats = "";

  @Column(name = "access_needs", nullable = false)
  private String accessNeeds = "";

  @Column(name = "access_notes")
  private String accessNotes;

  @Column(name = "lived_experience", nullable = false)
  private String livedExperience = "";

  @Column(name = "lived_experience_consent", nullable = false)
  private boolean livedExperienceConsent;

  @Column(name = "access_needs_shared", nullable = false)
  private boolean accessNeedsShared;

  /** The sign-in identity (subject in the tenant's realm) this member is linked to, if any. */
  @Column(name = "subject")
  private String subject;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Member() {}

  public Member(UUID id, MemberDetails details, Instant now) {
    this.id = id;
    this.createdAt = now;
    apply(details, now);
  }

  /**
   * Replaces the member's details. Lived-experience tags are kept only with the member's consent:
   * without it they are cleared.
   */
  public final void apply(MemberDetails details, Instant now) {
    this.fullName = details.fullName().strip();
    this.preferredName = blankToNull(details.preferredName());
    this.email = blankToNull(details.email());
    this.phone = blankToNull(details.phone());
    this.postalAddress = blankToNull(details.postalAddress());
    this.contactChannels = EnumSetCodec.encode(details.contactChannels());
    this.formats = EnumSetCodec.encode(details.formats());
    this.accessNeeds = EnumSetCodec.encode(details.accessNeeds());
    this.accessNotes = blankToNull(details.accessNotes());
    this.livedExperienceConsent = details.livedExperienceConsent();
    this.livedExperience =
        livedExperienceConsent ? EnumSetCodec.encode(details.livedExperience()) : "";
    this.updatedAt = now;
  }

  public MemberDetails details() {
    return new MemberDetails(
        fullName,
        preferredName,
        email,
        phone,
        postalAddress,
        EnumSetCodec.decode(contactChannels, ContactChannel.class),
        EnumSetCodec.decode(formats, Format.class),
        EnumSetCodec.decode(accessNeeds, AccessNeed.class),
        accessNotes,
        EnumSetCodec.decode(livedExperience, LivedExperience.class),
        livedExperienceConsent);
  }

  public UUID id() {
    return id;
  }

  public java.util.Optional<String> subject() {
    return java.util.Optional.ofNullable(subject);
  }

  /** Links this member to a sign-in identity; a member is linked once. */
  public void linkTo(String identitySubject) {
    if (subject != null && !subject.equals(identitySubject)) {
      throw new IllegalStateException("This member is already linked to another sign-in");
    }
    this.subject = identitySubject;
  }

  public String email() {
    return email;
  }

  public long version() {
    return version;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /**
   * Whether the member lets the people organising what they take part in (a peer challenge's
   * manager, a session's facilitators) see their access needs.
   */
  public boolean accessNeedsShared() {
    return accessNeedsShared;
  }

  /** The member's choice to share their access needs with organisers, or not. */
  public void shareAccessNeeds(boolean shared) {
    this.accessNeedsShared = shared;
  }
}
