package org.roundtable.api.personaldata;

import jakarta.json.JsonObject;
import java.util.UUID;

/**
 * A plugin's part in answering a member's request for their data and in erasing it: a CDI bean
 * implementing this interface. Both run in a transaction bound to the member's tenant.
 *
 * @since 1.0.0
 */
public interface PersonalDataHandler {

  /**
   * @return the id of the plugin it belongs to
   * @since 1.0.0
   */
  String pluginId();

  /**
   * Everything the plugin holds about the member, readable by them.
   *
   * @param memberId the member
   * @return their data
   * @since 1.0.0
   */
  JsonObject export(UUID memberId);

  /**
   * Who a subject-access export is for.
   *
   * @since 1.5.0
   */
  enum Audience {
    /** The member's own request: everything held about them. */
    MEMBER,
    /**
     * An officer exporting on the member's behalf: leaves out what the member has not agreed to
     * share with officers (their benefit details, say).
     */
    OFFICER
  }

  /**
   * What the plugin holds about the member, for this audience. The default is {@link #export(UUID)}
   * for both: a plugin holding anything a member chooses whether to share implements this.
   *
   * @param memberId the member
   * @param audience who the export is for
   * @return their data
   * @since 1.5.0
   */
  default JsonObject export(UUID memberId, Audience audience) {
    return export(memberId);
  }

  /**
   * Erases or anonymises what the plugin holds about the member, keeping only what the law requires
   * (for example payment records), itself anonymised where it can be.
   *
   * @param memberId the member
   * @since 1.0.0
   */
  void erase(UUID memberId);
}
