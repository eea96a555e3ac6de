/**
 * Declaring what an endpoint needs: the platform checks it in one place before any resource code
 * runs.
 *
 * @since 1.0.0
 */
package org.roundtable.api.security;
