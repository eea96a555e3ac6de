package org.roundtable.api.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an endpoint or page (method or class) open to any signed-in member of the council in the
 * address, whatever their roles: their own profile, their own claims. Record-level rules (only
 * their own) stay with the code. Without a sign-in of this council the API answers 401 and a page
 * asks the person to sign in.
 *
 * @since 1.4.0
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface SignedIn {}
