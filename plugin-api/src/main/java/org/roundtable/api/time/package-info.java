/**
 * Time as councils' people live it: instants are stored as they are and shown, and days counted, in
 * UK time, from one place.
 *
 * @since 1.6.0
 */
package org.roundtable.api.time;
