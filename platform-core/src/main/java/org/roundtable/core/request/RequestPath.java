package org.roundtable.core.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.roundtable.api.tenancy.TenantRef;
import org.roundtable.steps.plugins.ReservedSlugs;

/**
 * A request's path, judged once, before anything else decides who may see what: either canonical
 * and in one known area (a council's API, the operators' API, a council's pages, the operators'
 * pages, the shared assets), or refused with 404. Canonical means exactly one way of writing it: no
 * matrix parameters ({@code ;}), no empty segments ({@code //}), no dot segments, nothing
 * percent-encoded that would change how the path splits or folds ({@code %2F}, {@code %3B}, {@code
 * %2E}, {@code %5C}, {@code %25}, control characters, letters), and nothing in upper case (every
 * address of the platform is lower case). Routing (Jersey) then sees the same path the access
 * checks saw, since there is nothing left for it to drop or fold.
 *
 * @param area where the path leads
 * @param tenant the council it names, for {@link Area#TENANT_API} and {@link Area#TENANT_PAGE}
 * @param path the path as received (within the application)
 */
public record RequestPath(Area area, Optional<String> tenant, String path) {

  /** Request attribute holding the judged path, for the access checks that run later. */
  public static final String ATTRIBUTE = RequestPath.class.getName();

  /** The operators' segment: {@code /platform/...} pages and {@code /api/v1/platform/...}. */
  public static final String OPERATORS = "platform";

  /** The server's own endpoints' first segments. */
  private static final java.util.Set<String> SERVER_ENDPOINTS =
      java.util.Set.of("health", "metrics", "openapi");

  /** Longer paths are refused: no page or endpoint needs one. */
  static final int MAX_LENGTH = 2048;

  /** Where a canonical path leads. */
  public enum Area {
    /** {@code /api/v1/{tenant}/...}: a council's JSON API. */
    TENANT_API,
    /** {@code /api/v1/platform/...}: the operators' JSON API. */
    PLATFORM_API,
    /** {@code /{tenant}/...}: a council's pages. */
    TENANT_PAGE,
    /** {@code /platform/...}: the operators' pages. */
    OPERATOR_PAGE,
    /** {@code /assets/...}: the pages' stylesheet and scripts, the same for every council. */
    ASSETS,
    /**
     * {@code /health/...}, {@code /metrics/...}, {@code /openapi/...}: the server's own endpoints
     * (MicroProfile Health, Metrics, OpenAPI), which Payara serves inside this application.
     */
    SERVER;

    /** Whether the path is the JSON API's. */
    public boolean isApi() {
      return this == TENANT_API || this == PLATFORM_API;
    }
  }

  /**
   * Judges a path as the client sent it (undecoded, within the application: the servlet request's
   * URI less its context path).
   *
   * @return the path's area, or empty when it is not canonical or leads to no area (then 404)
   */
  public static Optional<RequestPath> judge(String rawPath) {
    Optional<List<String>> segments = canonicalSegments(rawPath);
    if (segments.isEmpty()) {
      return Optional.empty();
    }
    List<String> s = segments.get();
    String first = s.get(0);
    if (first.equals("api")) {
      if (s.size() < 3 || !s.get(1).equals("v1")) {
        return Optional.empty();
      }
      String owner = s.get(2);
      if (owner.equals(OPERATORS)) {
        return Optional.of(new RequestPath(Area.PLATFORM_API, Optional.empty(), rawPath));
      }
      return isCouncil(owner)
          ? Optional.of(new RequestPath(Area.TENANT_API, Optional.of(owner), rawPath))
          : Optional.empty();
    }
    if (first.equals(OPERATORS)) {
      return Optional.of(new RequestPath(Area.OPERATOR_PAGE, Optional.empty(), rawPath));
    }
    if (first.equals("assets")) {
      return Optional.of(new RequestPath(Area.ASSETS, Optional.empty(), rawPath));
    }
    if (SERVER_ENDPOINTS.contains(first)) {
      return Optional.of(new RequestPath(Area.SERVER, Optional.empty(), rawPath));
    }
    return isCouncil(first)
        ? Optional.of(new RequestPath(Area.TENANT_PAGE, Optional.of(first), rawPath))
        : Optional.empty();
  }

  /**
   * Whether a return address (after signing in) is a canonical page of this council (or, for {@code
   * platform}, of the operators' area): the same judgement as for requests, plus an optional query
   * without anything that could leave the site.
   */
  public static boolean isPageOf(String contextPath, String tenant, String wanted) {
    if (wanted == null || wanted.length() > MAX_LENGTH || !wanted.startsWith(contextPath + "/")) {
      return false;
    }
    String local = wanted.substring(contextPath.length());
    int query = local.indexOf('?');
    String path = query < 0 ? local : local.substring(0, query);
    if (query >= 0 && !isSafeQuery(local.substring(query + 1))) {
      return false;
    }
    return judge(path)
        .filter(
            p ->
                tenant.equals(OPERATORS)
                    ? p.area() == Area.OPERATOR_PAGE
                    : p.area() == Area.TENANT_PAGE && p.tenant().orElseThrow().equals(tenant))
        .isPresent();
  }

  private static boolean isCouncil(String segment) {
    return TenantRef.isValidSlug(segment) && !ReservedSlugs.isReserved(segment);
  }

  /** The path's segments if it is canonical; the last one is empty for a trailing slash. */
  static Optional<List<String>> canonicalSegments(String rawPath) {
    if (rawPath == null
        || rawPath.length() < 2
        || rawPath.length() > MAX_LENGTH
        || rawPath.charAt(0) != '/') {
      return Optional.empty();
    }
    List<String> segments = new ArrayList<>();
    int start = 1;
    while (true) {
      int slash = rawPath.indexOf('/', start);
      String segment = slash < 0 ? rawPath.substring(start) : rawPath.substring(start, slash);
      boolean last = slash < 0;
      if (!isCanonicalSegment(segment, last)) {
        return Optional.empty();
      }
      segments.add(segment);
      if (last) {
        return Optional.of(segments);
      }
      start = slash + 1;
    }
  }

  private static boolean isCanonicalSegment(String segment, boolean last) {
    if (segment.isEmpty()) {
      return last; // only a trailing slash
    }
    if (segment.equals(".") || segment.equals("..")) {
      return false;
    }
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '%') {
        if (i + 2 >= segment.length()
            || !isAllowedEscape(segment.charAt(i + 1), segment.charAt(i + 2))) {
          return false;
        }
        i += 2;
      } else if (!isPathCharacter(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * RFC 3986 {@code pchar} without {@code ;} (matrix parameters), {@code %} (escapes are checked
   * apart) and upper-case letters: every address of the platform is lower case (slugs, fixed
   * segments, ids, codes), so a path in another case is another spelling, not another page.
   */
  private static boolean isPathCharacter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~!$&'()*+,=:@".indexOf(c) >= 0;
  }

  /**
   * A percent-escape that cannot change how the path splits, folds or decodes again, and that
   * stands for a character that needs one (an escaped letter is another spelling of the same path).
   */
  private static boolean isAllowedEscape(char high, char low) {
    int h = Character.digit(high, 16);
    int l = Character.digit(low, 16);
    if (h < 0 || l < 0) {
      return false;
    }
    int value = h * 16 + l;
    boolean unreserved =
        (value >= 'a' && value <= 'z')
            || (value >= 'A' && value <= 'Z')
            || (value >= '0' && value <= '9')
            || "-._~".indexOf(value) >= 0;
    return !unreserved
        && value >= 0x20
        && value != 0x7f
        && value != '/'
        && value != ';'
        && value != '.'
        && value != '\\'
        && value != '%';
  }

  private static boolean isSafeQuery(String query) {
    return query.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '\\' && c != '#');
  }

  /** The judged path of a request that passed the tenant filter. */
  public static RequestPath of(jakarta.servlet.ServletRequest request) {
    return of(request::getAttribute);
  }

  /**
   * The same from the request's attributes as a JAX-RS filter reads them ({@code
   * ContainerRequestContext::getProperty}, which the servlet container backs with the servlet
   * request's attributes, without the proxy an injected servlet request goes through).
   */
  public static RequestPath of(java.util.function.Function<String, Object> attributes) {
    Object judged = attributes.apply(ATTRIBUTE);
    if (!(judged instanceof RequestPath path)) {
      throw new IllegalStateException("The request's path was not judged");
    }
    return path;
  }
}
