/**
 * Typed, validated per-tenant settings a plugin declares: each with a label, a hint and a default,
 * so an administrator's form can be built from the declaration alone. Some settings hold values
 * dated from a day (a rate that changes on 1 April keeps earlier claims at the earlier rate).
 *
 * @since 1.0.0
 */
package org.roundtable.api.settings;
