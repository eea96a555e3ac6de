/**
 * Events through a transactional outbox: published in the publishing transaction, delivered after
 * commit, at least once, each naming its tenant. Listeners must be idempotent (use {@link
 * org.roundtable.api.events.PlatformEvent#id()}).
 *
 * @since 1.0.0
 */
package org.roundtable.api.events;
