/**
 * Scheduled work of a plugin, per council: a daily reminder, a retention sweep. A job runs with its
 * council bound, once across all the platform's pods, in every council that has its plugin on;
 * operators see when each last ran and why it failed.
 *
 * @since 1.8.0
 */
package org.roundtable.api.jobs;
