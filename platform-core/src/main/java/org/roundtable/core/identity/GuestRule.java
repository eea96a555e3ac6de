package org.roundtable.core.identity;

import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.util.Optional;
import org.roundtable.api.plugin.GuestResource;
import org.roundtable.api.security.GuestAccess;
import org.roundtable.steps.access.DeclaredAnnotations;

/**
 * Whether a plugin endpoint lets the calling guest in: it is marked {@link GuestAccess} for a
 * resource the routed plugin declares, the resource lists the permission the endpoint needs, and
 * the caller is a guest of the record named by the path parameter. Read from the method, then its
 * class, as the endpoint's own rule is.
 *
 * @param resource the guest resource named
 * @param pathParam the path parameter holding the record's id
 */
public record GuestRule(String resource, String pathParam) {

  /** The rule a matched endpoint declares, if any. */
  static Optional<GuestRule> of(ResourceInfo info) {
    Method method = info.getResourceMethod();
    if (method == null) {
      return Optional.empty();
    }
    return of(
        info.getResourceClass() != null ? info.getResourceClass() : method.getDeclaringClass(),
        method);
  }

  /** The rule {@code method} declares as an endpoint of {@code resourceClass}, if any. */
  public static Optional<GuestRule> of(Class<?> resourceClass, Method method) {
    Class<?> owner = DeclaredAnnotations.real(resourceClass);
    for (Method declared : DeclaredAnnotations.sameMethodUpwards(owner, method)) {
      GuestAccess access = declared.getAnnotation(GuestAccess.class);
      if (access != null) {
        return Optional.of(new GuestRule(access.resource(), access.pathParam()));
      }
    }
    for (Class<?> type : DeclaredAnnotations.typesUpwards(owner)) {
      GuestAccess access = type.getAnnotation(GuestAccess.class);
      if (access != null) {
        return Optional.of(new GuestRule(access.resource(), access.pathParam()));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the guest holds this endpoint's record.
   *
   * @param permission the endpoint's permission, or null for a signed-in endpoint
   * @param guestId the caller's member id
   */
  boolean lets(
      UriInfo uri,
      String permission,
      GuestGrants grants,
      java.util.function.Supplier<java.util.UUID> guestId) {
    String plugin = uri.getPathParameters().getFirst("plugin");
    if (plugin == null || !resource.startsWith(plugin + ":")) {
      return false;
    }
    Optional<GuestResource> declared = grants.declared(resource);
    if (declared.isEmpty()
        || (permission != null && !declared.get().permissions().contains(permission))) {
      return false;
    }
    String record = uri.getPathParameters().getFirst(pathParam);
    return record != null && grants.holds(guestId.get(), resource, record);
  }
}
