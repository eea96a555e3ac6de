package org.roundtable.api.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets a guest call an endpoint or page for the one record they were invited to, besides whoever
 * the endpoint's own rule ({@link RequiresPermission}, {@link SignedIn}) lets in. The platform
 * reads the record's id from the path parameter named here and lets a guest in only if they hold a
 * grant on that record of that resource and, for a {@link RequiresPermission} endpoint, the
 * resource lists that permission. Any other guest gets a 404, as if nothing were there. On every
 * plugin endpoint without it, guests get a 404.
 *
 * @since 1.9.0
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface GuestAccess {

  /**
   * @return the guest resource, as declared: {@code <pluginId>:<resource>}
   * @since 1.9.0
   */
  String resource();

  /**
   * @return the path parameter holding the record's id
   * @since 1.9.0
   */
  String pathParam();
}
