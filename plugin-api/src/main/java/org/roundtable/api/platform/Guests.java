package org.roundtable.api.platform;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Guests of the current council: people from outside invited by email to named records of one
 * plugin ({@link org.roundtable.api.plugin.GuestResource}). An invitation makes them a member of
 * this council holding only the {@code guest} role, signing in through the council's realm like any
 * invited member, with a grant on the one record; a guest invited again gets one more grant. Every
 * call checks the caller holds the resource's {@code invitedBy} permission and is audited.
 *
 * @since 1.9.0
 */
public interface Guests {

  /**
   * Invites a guest to one record, or gives a guest already here one more.
   *
   * @param resource the guest resource, {@code <pluginId>:<resource>}, declared by the plugin
   * @param recordId the record's id, as the endpoint's path parameter carries it
   * @param invitation who
   * @return the guest's member id in this council
   * @throws org.roundtable.api.errors.Forbidden without the resource's {@code invitedBy} permission
   * @throws org.roundtable.api.errors.Refused for a resource no plugin declares, or a blank name or
   *     email
   * @throws org.roundtable.api.errors.Conflict when the email belongs to a member of this council
   *     who is not a guest, or the realm refuses the invitation
   * @since 1.9.0
   */
  UUID invite(String resource, String recordId, Invitation invitation);

  /**
   * Takes a guest's grant on one record away (their sign-in stays, with nothing to see).
   *
   * @return whether they had it
   * @since 1.9.0
   */
  boolean revoke(String resource, String recordId, UUID guest);

  /**
   * @return the guests of one record, in the order they were invited
   * @since 1.9.0
   */
  List<Guest> of(String resource, String recordId);

  /**
   * Who is invited.
   *
   * @param fullName their name
   * @param email where the invitation goes; also their sign-in
   * @param organisation where they come from (shown beside their name), may be empty
   * @since 1.9.0
   */
  record Invitation(String fullName, String email, String organisation) {}

  /**
   * A guest of a record.
   *
   * @param memberId their member id here
   * @param name their name
   * @param organisation where they come from
   * @param since when they were given the record
   * @since 1.9.0
   */
  record Guest(UUID memberId, String name, String organisation, Instant since) {}
}
