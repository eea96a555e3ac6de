/**
 * The tenant (council) a request or a unit of work belongs to.
 *
 * @since 1.0.0
 */
package org.roundtable.api.tenancy;
