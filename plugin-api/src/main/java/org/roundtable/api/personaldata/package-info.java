/**
 * What a plugin holds about a member, for subject access requests and erasure.
 *
 * @since 1.0.0
 */
package org.roundtable.api.personaldata;
