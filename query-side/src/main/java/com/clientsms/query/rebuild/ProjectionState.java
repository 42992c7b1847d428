package com.clientsms.query.rebuild;

import java.time.Instant;

/**
 * A projection as operators see it: {@code live}, or {@code rebuilding} with its progress (events done of total, rate,
 * estimated seconds left). {@code lastRebuild} describes the last finished or failed rebuild.
 */
public record ProjectionState(
        String name,
        String state,
        Long eventsDone,
        Long eventsTotal,
        Double eventsPerSecond,
        Long etaSeconds,
        Instant startedAt,
        LastRebuild lastRebuild) {

    /** How the last rebuild ended: {@code swapped} with the live model, or {@code failed} with the reason. */
    public record LastRebuild(String outcome, Instant finishedAt, long events, double seconds, String error) {}
}
