package org.roundtable.core.web.ui;

import java.util.List;

/**
 * What the layout around every page shows, as templates see it ({@code rt}): the council and its
 * branding, the navigation this person may use, who is signed in and whom they act for, the form
 * token, and the request id an error page quotes.
 *
 * @param council the council's name
 * @param slug the council's id in addresses
 * @param base the council's pages, e.g. {@code /solihull}: links are {@code ${rt.base + '/…'}}
 * @param assets where the stylesheet and scripts are
 * @param logo the address of the council's logo, or null for its name alone
 * @param brandingVersion changes when the branding does (so browsers fetch the new one)
 * @param navigation the links in the service navigation
 * @param person who is signed in, or null
 * @param actingFor the member an officer is acting for, or null
 * @param csrfName the name of the form token's field
 * @param csrfToken the form token
 * @param requestId this request's id
 */
public record PageFrame(
    String council,
    String slug,
    String base,
    String assets,
    String logo,
    long brandingVersion,
    List<NavLink> navigation,
    Person person,
    Person actingFor,
    String csrfName,
    String csrfToken,
    String requestId) {

  /**
   * A link in the service navigation.
   *
   * @param label its text
   * @param href where it leads
   * @param current whether it is the section this page is in
   */
  public record NavLink(String label, String href, boolean current) {}

  /**
   * A person named on the page.
   *
   * @param id their member id (may be null for someone not yet in the directory)
   * @param name their name
   */
  public record Person(String id, String name) {}

  /** Whether someone is signed in. */
  public boolean signedIn() {
    return person != null;
  }
}
