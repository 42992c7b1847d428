package com.clientsms.saga.ledger;

import java.time.Instant;

/**
 * One attempt to hand a message to the carrier.
 *
 * @param messageId our id of the message
 * @param attempt 1 for the first attempt
 * @param startedAt when it was recorded, just before the carrier was called
 * @param outcome how it ended, or null when no outcome was recorded (the process died or the answer never came)
 * @param providerMessageId the carrier's id when it accepted the message
 * @param errorCode the carrier's code when it refused it
 */
public record SendAttempt(
        String messageId,
        int attempt,
        Instant startedAt,
        AttemptOutcome outcome,
        String providerMessageId,
        String errorCode) {

    boolean unresolved() {
        return AttemptOutcome.unresolved(outcome);
    }
}
