package org.roundtable.core.web.ui.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.roundtable.api.security.SignedIn;
import org.roundtable.api.web.FormFields;
import org.roundtable.api.web.FormSubmission;
import org.roundtable.api.web.Redirect;
import org.roundtable.core.identity.Caller;
import org.roundtable.core.identity.CurrentCaller;
import org.roundtable.core.member.AccessNeed;
import org.roundtable.core.member.ContactChannel;
import org.roundtable.core.member.Format;
import org.roundtable.core.member.LivedExperience;
import org.roundtable.core.member.Member;
import org.roundtable.core.member.MemberDetails;
import org.roundtable.core.member.MemberDirectory;

/**
 * "Your profile": the name someone likes to be called, how to contact them, the formats and access
 * they need to take part, and what they consent to share. An officer acting for a member without a
 * sign-in changes that member's (audited as on their behalf).
 */
@Path("{tenant}/profile")
@SignedIn
@Controller
@RequestScoped
public class ProfilePage {

  static final Map<ContactChannel, String> CONTACT =
      labels(
          ContactChannel.class,
          Map.of(
              ContactChannel.EMAIL, "Email",
              ContactChannel.PHONE, "Phone",
              ContactChannel.POST, "Post"));
  static final Map<Format, String> FORMATS =
      labels(
          Format.class,
          Map.of(
              Format.EASY_READ, "Easy read",
              Format.LARGE_PRINT, "Large print",
              Format.BSL, "British Sign Language (BSL)",
              Format.INTERPRETER, "An interpreter",
              Format.AUDIO, "Audio"));
  static final Map<AccessNeed, String> ACCESS =
      labels(
          AccessNeed.class,
          java.util.Arrays.stream(AccessNeed.values())
              .collect(java.util.stream.Collectors.toMap(n -> n, AccessNeed::words)));
  static final Map<LivedExperience, String> EXPERIENCE =
      labels(
          LivedExperience.class,
          Map.of(
              LivedExperience.CARER, "I am a carer",
              LivedExperience.DRAWS_ON_CARE, "I draw on care and support",
              LivedExperience.PARENT_CARER, "I am a parent carer",
              LivedExperience.YOUNG_CARER, "I am a young carer"));

  @Inject Models models;
  @Inject CurrentCaller currentCaller;
  @Inject MemberDirectory directory;

  @GET
  public String show(@QueryParam("done") String done) {
    Member member = member();
    MemberDetails details = member.details();
    models.put("details", details);
    models.put("done", done);
    models.put("shareAccess", member.accessNeedsShared());
    put(
        details.preferredName(),
        details.contactChannels(),
        details.formats(),
        details.accessNeeds(),
        details.accessNotes(),
        details.livedExperience(),
        details.livedExperienceConsent());
    return "profile.html";
  }

  @POST
  public String save(MultivaluedMap<String, String> form) {
    Member member = member();
    MemberDetails old = member.details();
    String preferred = FormFields.text(form, "preferredName");
    Set<ContactChannel> contact = chosen(form.get("contact"), CONTACT, ContactChannel::valueOf);
    Set<Format> formats = chosen(form.get("formats"), FORMATS, Format::valueOf);
    Set<AccessNeed> access = chosen(form.get("access"), ACCESS, AccessNeed::valueOf);
    Set<LivedExperience> experience =
        chosen(form.get("experience"), EXPERIENCE, LivedExperience::valueOf);
    String notes = FormFields.text(form, "accessNotes");
    String consent = form.getFirst("consent");
    boolean consents = "yes".equals(consent);
    boolean shareAccess = "yes".equals(form.getFirst("shareAccess"));
    return FormSubmission.of(models::put)
        .submit(
            errors -> {
              if (preferred.length() > 100) {
                errors.add("preferredName", "Your preferred name must be 100 characters or fewer");
              }
              if (notes.length() > 2000) {
                errors.add(
                    "accessNotes", "Anything else about access must be 2,000 characters or fewer");
              }
              if (!"yes".equals(consent) && !"no".equals(consent)) {
                errors.add("consent", "Select yes if we may record your lived experience");
              }
              if (contact.contains(ContactChannel.EMAIL) && old.email() == null) {
                errors.add(
                    "contact",
                    "We have no email address for you: choose phone or post, or ask an officer to"
                        + " add your email");
              }
              errors.refuseIfAny();
              MemberDetails details =
                  new MemberDetails(
                      old.fullName(),
                      preferred.isEmpty() ? null : preferred,
                      old.email(),
                      old.phone(),
                      old.postalAddress(),
                      contact,
                      formats,
                      access,
                      notes.isEmpty() ? null : notes,
                      consents ? experience : Set.of(),
                      consents);
              if (currentCaller.onBehalfOf().isPresent()) {
                directory.update(member.id(), details, Optional.empty());
              } else {
                Caller caller = currentCaller.get().orElseThrow();
                directory.updateOwn(caller.subject(), caller.displayName(), details);
              }
              directory.shareAccessNeeds(member.id(), shareAccess);
              return Redirect.to(
                  currentCaller.get().orElseThrow().tenant(),
                  "profile",
                  "Your profile has been saved");
            },
            () -> {
              models.put("details", old);
              models.put("shareAccess", shareAccess);
              put(preferred, contact, formats, access, notes, experience, consents);
              return "profile.html";
            });
  }

  private Member member() {
    Optional<java.util.UUID> actingFor = currentCaller.onBehalfOf();
    if (actingFor.isPresent()) {
      return directory.find(actingFor.get()).orElseThrow(org.roundtable.api.errors.NotFound::new);
    }
    Caller caller = currentCaller.get().orElseThrow();
    return directory.forSignedIn(caller.subject(), caller.displayName());
  }

  private void put(
      String preferred,
      Set<ContactChannel> contact,
      Set<Format> formats,
      Set<AccessNeed> access,
      String notes,
      Set<LivedExperience> experience,
      boolean consent) {
    models.put("preferredName", preferred == null ? "" : preferred);
    models.put("contact", options(CONTACT, contact));
    models.put("formats", options(FORMATS, formats));
    models.put("access", options(ACCESS, access));
    models.put("accessNotes", notes == null ? "" : notes);
    models.put("experience", options(EXPERIENCE, experience));
    models.put("consent", consent);
  }

  /** A checkbox: its value, label and whether it is ticked. */
  public record Option(String value, String label, boolean checked) {}

  private static <E extends Enum<E>> List<Option> options(Map<E, String> labels, Set<E> chosen) {
    return labels.entrySet().stream()
        .map(e -> new Option(e.getKey().name(), e.getValue(), chosen.contains(e.getKey())))
        .toList();
  }

  private static <E extends Enum<E>> Set<E> chosen(
      List<String> values, Map<E, String> labels, Function<String, E> parse) {
    Set<E> chosen = new java.util.LinkedHashSet<>();
    if (values != null) {
      for (String value : values) {
        labels.keySet().stream()
            .filter(e -> e.name().equals(value))
            .findFirst()
            .ifPresent(chosen::add);
      }
    }
    return chosen;
  }

  private static <E extends Enum<E>> Map<E, String> labels(Class<E> type, Map<E, String> names) {
    Map<E, String> ordered = new LinkedHashMap<>();
    for (E value : EnumSet.allOf(type)) {
      ordered.put(value, names.getOrDefault(value, value.name()));
    }
    return ordered;
  }
}
