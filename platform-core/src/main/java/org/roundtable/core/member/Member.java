package org.roundtable.core.member;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.roundtable.api.persistence.TenantOwned;
import org.roundtable.core.member.internal.EnumSetConverters;

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

  @Convert(converter = EnumSetConverters.ContactChannels.class)
  @Column(name = "contact_channels", nullable = false)
  private Set<ContactChannel> contactChannels = EnumSet.noneOf(ContactChannel.class);

  @Convert(converter = EnumSetConverters.Formats.class)
  @Column(nullable = false)
  private Set<Format> formats = EnumSet.noneOf(Format.class);

  @Convert(converter = EnumSetConverters.AccessNeeds.class)
  @Column(name = "access_needs", nullable = false)
  private Set<AccessNeed> accessNeeds = EnumSet.noneOf(AccessNeed.class);

  @Column(name = "access_notes")
  private String accessNotes;

  @Convert(converter = EnumSetConverters.LivedExperiences.class)
  @Column(name = "lived_experience", nullable = false)
  private Set<LivedExperience> livedExperience = EnumSet.noneOf(LivedExperience.class);

  @Column(name = "lived_experience_consent", nullable = false)
  private boolean livedExperienceConsent;

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
    this.contactChannels = copy(details.contactChannels(), ContactChannel.class);
    this.formats = copy(details.formats(), Format.class);
    this.accessNeeds = copy(details.accessNeeds(), AccessNeed.class);
    this.accessNotes = blankToNull(details.accessNotes());
    this.livedExperienceConsent = details.livedExperienceConsent();
    this.livedExperience =
        livedExperienceConsent
            ? copy(details.livedExperience(), LivedExperience.class)
            : EnumSet.noneOf(LivedExperience.class);
    this.updatedAt = now;
  }

  public MemberDetails details() {
    return new MemberDetails(
        fullName,
        preferredName,
        email,
        phone,
        postalAddress,
        Set.copyOf(contactChannels),
        Set.copyOf(formats),
        Set.copyOf(accessNeeds),
        accessNotes,
        Set.copyOf(livedExperience),
        livedExperienceConsent);
  }

  public UUID id() {
    return id;
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

  private static <E extends Enum<E>> Set<E> copy(Set<E> values, Class<E> type) {
    return values == null || values.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(values);
  }
}
