package com.clientsms.query.audit;

/**
 * The result of recomputing a practice's hash chain from the event store: valid, or the first event that was altered,
 * inserted or removed. {@code chainedUpTo} is the global index up to which the chain was recorded (later events are
 * not chained yet and not checked).
 */
public record ChainVerification(
        String practiceId, boolean valid, long eventsChecked, long chainedUpTo, BadEvent firstBadEvent) {

    /** One event that breaks the chain: its global index, its identifier and what happened to it. */
    public record BadEvent(long globalIndex, String eventIdentifier, String problem) {}
}
