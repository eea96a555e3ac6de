/**
 * What operators see of and do about a council's work after commit: its plugins' scheduled jobs
 * (last run, failures, run now) and the deliveries the outboxes gave up on (listed, sent again).
 */
package org.roundtable.core.operations;
