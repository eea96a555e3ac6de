package org.roundtable.api.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission an endpoint (method or class) needs; the platform answers 403 before the method
 * runs when the signed-in person's roles do not hold it in this tenant.
 *
 * @since 1.0.0
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresPermission {

  /**
   * @return the permission, e.g. {@code core:members:read} or {@code boards:meetings:manage}
   * @since 1.0.0
   */
  String value();
}
