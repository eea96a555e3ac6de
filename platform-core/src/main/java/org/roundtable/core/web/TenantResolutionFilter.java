package org.roundtable.core.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.roundtable.api.tenancy.TenantRef;
import org.roundtable.core.identity.Operators;
import org.roundtable.core.rest.Problem;
import org.roundtable.core.rest.ProblemType;
import org.roundtable.core.tenancy.ReservedSlugs;
import org.roundtable.core.tenancy.Tenant;
import org.roundtable.core.tenancy.TenantBinding;
import org.roundtable.core.tenancy.TenantRegistry;

/**
 * Where the tenant is fixed: from the URL ({@code /api/v1/{tenant}/...} for the API, {@code
 * /{tenant}/...} for its pages), before any resource code runs. An unknown or suspended tenant
 * answers 404, exactly like one that never existed: a page for browsers, else a problem.
 */
public class TenantResolutionFilter extends HttpFilter {

  private static final String API_PREFIX = "/api/v1/";

  /** Request attribute holding the resolved {@link Tenant}, so later steps need not look it up. */
  public static final String ATTRIBUTE = Tenant.class.getName();

  @Inject TenantRegistry registry;
  @Inject Operators operators;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean api = path.startsWith(API_PREFIX);
    if (!api && isOperatorsPage(path)) {
      // The operators' pages: signed in through their own realm, their rows those of 'platform'.
      Tenant platform = operators.realm();
      request.setAttribute(ATTRIBUTE, platform);
      try (TenantBinding.Scope scope = TenantBinding.open(platform.ref())) {
        chain.doFilter(request, response);
      }
      return;
    }
    Optional<String> slug = api ? slugOf(path) : pageSlugOf(path);
    if (slug.isEmpty() || (api && slug.get().equals(Operators.REF.slug()))) {
      // No tenant: the operators' API authenticates against the operators' realm.
      chain.doFilter(request, response);
      return;
    }
    Optional<Tenant> tenant =
        TenantRef.isValidSlug(slug.get()) ? registry.findActive(slug.get()) : Optional.empty();
    if (tenant.isEmpty()) {
      String accept = request.getHeader("Accept");
      if (!api && accept != null && accept.contains("text/html")) {
        Pages.notFound(response);
      } else {
        writeNotFound(request, response);
      }
      return;
    }
    request.setAttribute(ATTRIBUTE, tenant.get());
    try (TenantBinding.Scope scope = TenantBinding.open(tenant.get().ref())) {
      chain.doFilter(request, response);
    }
  }

  /** Whether a page path is the operators' ({@code /platform} or {@code /platform/...}). */
  static boolean isOperatorsPage(String path) {
    String base = "/" + Operators.REF.slug();
    return path.equals(base) || path.startsWith(base + "/");
  }

  static Optional<String> slugOf(String path) {
    if (!path.startsWith(API_PREFIX)) {
      return Optional.empty();
    }
    String rest = path.substring(API_PREFIX.length());
    int slash = rest.indexOf('/');
    String slug = slash < 0 ? rest : rest.substring(0, slash);
    return slug.isEmpty() ? Optional.empty() : Optional.of(slug);
  }

  /** The tenant of a page path ({@code /{tenant}} or {@code /{tenant}/...}), if it names one. */
  static Optional<String> pageSlugOf(String path) {
    if (path.length() < 2 || path.charAt(0) != '/') {
      return Optional.empty();
    }
    int slash = path.indexOf('/', 1);
    String first = slash < 0 ? path.substring(1) : path.substring(1, slash);
    return TenantRef.isValidSlug(first) && !ReservedSlugs.isReserved(first)
        ? Optional.of(first)
        : Optional.empty();
  }

  private static void writeNotFound(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Problem problem =
        Problem.of(
            ProblemType.NOT_FOUND,
            "There is no council at this address",
            request.getRequestURI(),
            RequestContext.requestId().orElse(null));
    response.setStatus(404);
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(problem.toJson());
  }
}
