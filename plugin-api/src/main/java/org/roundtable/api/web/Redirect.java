package org.roundtable.api.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.roundtable.api.tenancy.TenantRef;

/**
 * Where a page controller sends the browser after a form worked (post/redirect/get): a page of the
 * council, with what happened in plain words for the green banner ({@code components ::
 * success(${done})} on a page reading the {@code done} query parameter).
 *
 * @since 1.2.0
 */
public final class Redirect {

  private Redirect() {}

  /**
   * @param tenant the council
   * @param path the page, relative to the council's pages ({@code payments/claims/…})
   * @return the controller's view name for the redirect
   * @since 1.2.0
   */
  public static String to(TenantRef tenant, String path) {
    return "redirect:" + tenant.slug() + "/" + path;
  }

  /**
   * @param tenant the council
   * @param path the page, relative to the council's pages
   * @param done what happened ("Claim confirmed")
   * @return the controller's view name for the redirect
   * @since 1.2.0
   */
  public static String to(TenantRef tenant, String path, String done) {
    return to(tenant, path) + "?done=" + URLEncoder.encode(done, StandardCharsets.UTF_8);
  }
}
