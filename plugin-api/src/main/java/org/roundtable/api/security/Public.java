package org.roundtable.api.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an endpoint or page (method or class) open to anyone, signed in or not: a council's
 * public profile, its home page, its stylesheet. Nothing is public by omission: an endpoint without
 * {@code Public}, {@link SignedIn} or {@link RequiresPermission} (on the method, its class, or a
 * superclass or interface of either) answers 404, and the plugin boundary rules fail the build.
 *
 * @since 1.4.0
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Public {}
