package org.roundtable.api.errors;

/**
 * There is no such thing for this caller: it does not exist, or it belongs to someone the caller
 * may not see (another council's data is invisible, never "forbidden"). The API answers 404, pages
 * show the council's "page not found".
 *
 * @since 1.7.0
 */
public final class NotFound extends DomainException {

  private static final long serialVersionUID = 1L;

  /**
   * Nothing here, without saying what.
   *
   * @since 1.7.0
   */
  public NotFound() {
    super("There is nothing at this address");
  }

  /**
   * @param what what was looked for, capitalised ("Board", "This claim")
   * @since 1.7.0
   */
  public NotFound(String what) {
    super(what + " was not found");
  }
}
