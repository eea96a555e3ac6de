package org.roundtable.api;

/**
 * The version of this plugin API, which a plugin's declared range is checked against at start.
 *
 * @since 1.0.0
 */
public final class PluginApi {

  /**
   * The API version this platform implements (semantic versioning: a minor release only adds).
   * 1.1.0 added reading participation records back, the plugin-switched-on event, the signed-in
   * member's own id, members by the batch, sealed values and benefit limits (for payments). 1.2.0
   * added web pages: navigation, page controllers, home sections, form errors, and the setting
   * types a form is built from. 1.3.0 added reading form fields and UK dates the same way on every
   * page ({@code FormFields}). 1.4.0 added declaring who may call an endpoint ({@code Public},
   * {@code SignedIn}): nothing is reachable by omission. 1.5.0 added exports for an audience (the
   * member, or an officer who sees only what the member shares), roles a plugin brings, and values
   * sealed to the row they belong to. 1.6.0 added one money type ({@code Money}: pence, one parser,
   * one way of showing it) and UK time from one place ({@code UkTime}). 1.7.0 added domain errors
   * (not found, refused, conflict, forbidden) that the platform maps to problems and pages, and one
   * way for a page to handle a submitted form ({@code FormSubmission}). 1.8.0 added scheduled jobs
   * per council ({@code ScheduledJob}). 1.9.0 added guests: people from outside invited to named
   * records of one plugin and nothing else ({@code GuestResource}, {@code GuestAccess}, {@code
   * Guests}).
   *
   * @since 1.0.0
   */
  public static final String VERSION = "1.9.0";

  private PluginApi() {}
}
