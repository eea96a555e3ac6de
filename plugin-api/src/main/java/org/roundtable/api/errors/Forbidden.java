package org.roundtable.api.errors;

/**
 * The caller may see this but may not do this, for a reason of the domain rather than of their role
 * ("Nobody decides on their own claim: ask another approver"). Permissions by role are declared on
 * endpoints, not thrown. The API answers 403, pages show the council's "no access" page.
 *
 * @since 1.7.0
 */
public final class Forbidden extends DomainException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message why not, in plain words
   * @since 1.7.0
   */
  public Forbidden(String message) {
    super(message);
  }
}
