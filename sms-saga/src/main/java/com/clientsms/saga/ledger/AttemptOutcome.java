package com.clientsms.saga.ledger;

/** How an attempt to hand a message to the carrier ended, as the ledger records it. */
public enum AttemptOutcome {
    /** The carrier took the message: it is never sent again. */
    ACCEPTED,
    /** The carrier refused it for good. */
    REJECTED,
    /** The carrier could not take it right now; nothing reached it. */
    TRANSIENT_FAILURE,
    /** No answer (timeout, reset after the request was written): the carrier may or may not have it. */
    AMBIGUOUS,
    /** An unanswered attempt that a look-up at the carrier showed never arrived. */
    NOT_FOUND;

    /** Attempts that may have reached the carrier without our knowing: look the message up before sending again. */
    static boolean unresolved(AttemptOutcome outcome) {
        return outcome == null || outcome == AMBIGUOUS;
    }
}
