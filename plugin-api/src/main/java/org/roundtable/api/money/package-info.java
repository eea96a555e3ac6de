/**
 * Money as the platform keeps it: a whole number of pence, read and written one way everywhere.
 *
 * @since 1.6.0
 */
package org.roundtable.api.money;
