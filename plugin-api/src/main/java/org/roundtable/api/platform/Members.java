package org.roundtable.api.platform;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The current tenant's members, as much as a plugin needs to address them: a name and, if they gave
 * one, an email address. Their full record stays with the platform.
 *
 * @since 1.0.0
 */
public interface Members {

  /**
   * A member as a plugin sees them.
   *
   * @param id the member's id
   * @param name their name as they use it
   * @param email their email address, if they gave one
   * @since 1.0.0
   */
  record Summary(UUID id, String name, Optional<String> email) {}

  /**
   * Finds a member of the current tenant.
   *
   * @param id the member's id
   * @return the member, or empty if this tenant has no such member
   * @since 1.0.0
   */
  Optional<Summary> find(UUID id);

  /**
   * Finds many members of the current tenant at once (for a finance run or a report).
   *
   * @param ids the members' ids
   * @return those this tenant has, by id
   * @since 1.1.0
   */
  Map<UUID, Summary> findAll(Collection<UUID> ids);

  /**
   * The tenant's members in name order, a page at a time (to choose someone from a list).
   *
   * @param offset how many to skip
   * @param limit the most to return
   * @return members of the current tenant
   * @since 1.2.0
   */
  java.util.List<Summary> list(int offset, int limit);

  /**
   * A member's access needs, only if they chose on their profile to share them with the people who
   * organise what they take part in (a peer challenge's manager, a session's facilitators).
   *
   * @param needs what they need, in the words their profile offers ("A hearing loop")
   * @param notes anything else about access, in their own words, or empty
   * @since 1.9.0
   */
  record AccessNeeds(java.util.List<String> needs, String notes) {}

  /**
   * The member's access needs, if they share them.
   *
   * @param id the member
   * @return their needs, empty for someone who does not share them or is not a member here
   * @since 1.9.0
   */
  Optional<AccessNeeds> accessNeeds(UUID id);
}
