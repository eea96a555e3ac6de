/**
 * Declaring who may call an endpoint or page: {@link org.roundtable.api.security.Public}, {@link
 * org.roundtable.api.security.SignedIn} or {@link org.roundtable.api.security.RequiresPermission}.
 * The platform checks it in one place before any resource code runs, and denies by default: an
 * endpoint that declares none of them is never reachable.
 *
 * @since 1.0.0
 */
package org.roundtable.api.security;
