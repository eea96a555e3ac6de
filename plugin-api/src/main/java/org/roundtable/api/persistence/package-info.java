/**
 * Persistence contracts for plugin entities.
 *
 * @since 1.0.0
 */
package org.roundtable.api.persistence;
