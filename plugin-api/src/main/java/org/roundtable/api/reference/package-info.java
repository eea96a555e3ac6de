/**
 * National reference data the platform keeps for every tenant (benefit limits), dated so a change
 * from a day leaves what happened before at the old figure. Updating it is data, not a release.
 *
 * @since 1.1.0
 */
package org.roundtable.api.reference;
