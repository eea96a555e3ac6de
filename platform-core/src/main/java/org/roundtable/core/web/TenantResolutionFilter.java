package org.roundtable.core.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.roundtable.core.identity.Operators;
import org.roundtable.core.persistence.DatabaseFaults;
import org.roundtable.core.request.ProblemType;
import org.roundtable.core.request.RequestPath;
import org.roundtable.core.request.ServletProblems;
import org.roundtable.core.tenancy.Tenant;
import org.roundtable.core.tenancy.TenantBinding;
import org.roundtable.core.tenancy.TenantRegistry;
import org.roundtable.core.web.ui.BrandingResource;
import org.roundtable.core.web.ui.LastSeenLooks;

/**
 * Where the tenant is fixed: from the URL ({@code /api/v1/{tenant}/...} for the API, {@code
 * /{tenant}/...} for its pages), before any resource code runs, on the path as {@link RequestPath}
 * judged it (a path that is not canonical answers 404 here). An unknown or suspended tenant answers
 * 404, exactly like one that never existed: a page for browsers, else a problem.
 */
public class TenantResolutionFilter extends HttpFilter {

  /** Request attribute holding the resolved {@link Tenant}, so later steps need not look it up. */
  public static final String ATTRIBUTE = Tenant.REQUEST_ATTRIBUTE;

  @Inject TenantRegistry registry;
  @Inject Operators operators;
  @Inject LastSeenLooks looks;

  /**
   * First path segments of servlets a deployment adds beside the platform's own (the in-container
   * test runner): they pass untouched and lead to no page or endpoint. Empty in every real
   * installation.
   */
  @Inject
  @ConfigProperty(name = "roundtable.web.servlet-paths", defaultValue = " ")
  List<String> servletPaths;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String raw = request.getRequestURI().substring(request.getContextPath().length());
    Optional<RequestPath> judged = RequestPath.judge(raw);
    if (judged.isEmpty() && isAddedServlet(raw)) {
      chain.doFilter(request, response);
      return;
    }
    if (judged.isEmpty()) {
      // Not canonical, or no area of ours: refused here, never folded into another path.
      notFound(request, response, raw.startsWith("/api/"));
      return;
    }
    RequestPath path = judged.get();
    request.setAttribute(RequestPath.ATTRIBUTE, path);
    switch (path.area()) {
      case OPERATOR_PAGE -> {
        // The operators' pages: signed in through their own realm, their rows those of 'platform'.
        Tenant platform = operators.realm();
        request.setAttribute(ATTRIBUTE, platform);
        try (TenantBinding.Scope scope = TenantBinding.open(platform.ref())) {
          chain.doFilter(request, response);
        }
      }
      case PLATFORM_API, ASSETS, SERVER ->
          // No council: the operators' API authenticates against the operators' realm.
          chain.doFilter(request, response);
      case TENANT_API, TENANT_PAGE -> {
        Optional<Tenant> tenant;
        try {
          tenant = registry.findActive(path.tenant().orElseThrow());
        } catch (RuntimeException e) {
          if (!DatabaseFaults.isUnavailable(e)) {
            throw e;
          }
          unavailable(request, response, path);
          return;
        }
        if (tenant.isEmpty()) {
          notFound(request, response, path.area().isApi());
          return;
        }
        request.setAttribute(ATTRIBUTE, tenant.get());
        try (TenantBinding.Scope scope = TenantBinding.open(tenant.get().ref())) {
          chain.doFilter(request, response);
        }
      }
    }
  }

  private boolean isAddedServlet(String raw) {
    return servletPaths.stream()
        .map(String::strip)
        .anyMatch(p -> !p.isEmpty() && (raw.equals("/" + p) || raw.startsWith("/" + p + "?")));
  }

  /**
   * The database cannot say whether the council exists: 503 with {@code Retry-After}, a page in the
   * council's name as this pod last read it, or a problem for the API.
   */
  private void unavailable(
      HttpServletRequest request, HttpServletResponse response, RequestPath path)
      throws IOException {
    response.setHeader("Retry-After", Integer.toString(DatabaseFaults.RETRY_AFTER_SECONDS));
    if (path.area().isApi()) {
      ServletProblems.write(
          request,
          response,
          ProblemType.SERVICE_UNAVAILABLE,
          "The service is having a problem just now; nothing was changed. Try again in a minute.");
      return;
    }
    String slug = path.tenant().orElseThrow();
    if (path.path().equals("/" + slug + "/branding/colours.css")) {
      // The page below asks for the council's colours: as this pod last read them.
      response.setContentType(BrandingResource.CSS);
      response.getWriter().write(BrandingResource.stylesheet(looks.lastSeen(slug).colour()));
      return;
    }
    registry.lastRead(slug).ifPresent(tenant -> request.setAttribute(ATTRIBUTE, tenant));
    Pages.unavailable(request, response);
  }

  private static void notFound(
      HttpServletRequest request, HttpServletResponse response, boolean api) throws IOException {
    String accept = request.getHeader("Accept");
    if (!api && accept != null && accept.contains("text/html")) {
      Pages.notFound(response);
    } else {
      ServletProblems.write(
          request, response, ProblemType.NOT_FOUND, "There is no council at this address");
    }
  }
}
