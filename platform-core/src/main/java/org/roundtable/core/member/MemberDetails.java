package org.roundtable.core.member;

import java.util.Set;

/**
 * What a member record says about a person.
 *
 * @param fullName full name
 * @param preferredName what they like to be called
 * @param email email address, if they have one (some people have none)
 * @param phone phone number
 * @param postalAddress postal address, for people who prefer post
 * @param contactChannels how they like to be contacted
 * @param formats formats they need papers in
 * @param accessNeeds what a meeting must offer for them to take part
 * @param accessNotes anything else about access, in their words
 * @param livedExperience lived-experience tags, kept only with consent
 * @param livedExperienceConsent whether they consent to the tags being recorded
 */
public record MemberDetails(
    String fullName,
    String preferredName,
    String email,
    String phone,
    String postalAddress,
    Set<ContactChannel> contactChannels,
    Set<Format> formats,
    Set<AccessNeed> accessNeeds,
    String accessNotes,
    Set<LivedExperience> livedExperience,
    boolean livedExperienceConsent) {}
