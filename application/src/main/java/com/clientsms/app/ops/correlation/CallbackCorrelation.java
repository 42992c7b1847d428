package com.clientsms.app.ops.correlation;

import com.clientsms.saga.ledger.SendLedger;

/**
 * A carrier's status callback arrives as a new HTTP request that knows only the message. Its correlation id is taken
 * back from the send ledger, whose attempt row carries the id of the request that asked for the message and is
 * committed before the carrier is called: it is there before any callback can arrive, so the callback's log lines and
 * the final status carry the request's id. Only a callback for a message this system never tried to send gets an id
 * of its own.
 */
final class CallbackCorrelation {

    private final SendLedger ledger;

    CallbackCorrelation(SendLedger ledger) {
        this.ledger = ledger;
    }

    /** The correlation id of the request that asked for this message, or null when none is recorded. */
    String originalId(String messageId) {
        if (!Correlation.acceptable(messageId)) {
            return null;
        }
        try {
            return ledger.correlationId(messageId);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
