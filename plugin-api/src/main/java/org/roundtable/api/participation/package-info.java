/**
 * Participation records: who took part in what, for how long and in which role. The platform keeps
 * them whatever plugins are on; each change is published as an event.
 *
 * @since 1.0.0
 */
package org.roundtable.api.participation;
