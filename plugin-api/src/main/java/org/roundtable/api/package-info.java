/**
 * The Roundtable plugin API: everything a plugin may see of the platform.
 *
 * <p>This module depends on {@code java.*} and the provided Jakarta EE and MicroProfile APIs only,
 * so a plugin written against it runs on any release of the platform that satisfies the API range
 * it declares.
 *
 * @since 1.0.0
 */
package org.roundtable.api;
