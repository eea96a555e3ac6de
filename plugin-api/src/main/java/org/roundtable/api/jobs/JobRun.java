package org.roundtable.api.jobs;

import java.time.Instant;
import java.util.Optional;
import org.roundtable.api.tenancy.TenantRef;

/**
 * One run of a {@link ScheduledJob} in one council.
 *
 * @param tenant the council it runs in (also bound, as for a request)
 * @param startedAt when this run started
 * @param lastSucceededAt when the job last finished without failing in this council, if ever: a job
 *     that catches up on what happened since uses it
 * @since 1.8.0
 */
public record JobRun(TenantRef tenant, Instant startedAt, Optional<Instant> lastSucceededAt) {}
