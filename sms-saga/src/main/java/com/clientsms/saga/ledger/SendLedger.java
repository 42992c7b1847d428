package com.clientsms.saga.ledger;

import java.time.Instant;
import java.util.List;

/**
 * The durable record of every attempt to hand a message to the carrier. A new attempt is committed on its own before
 * the carrier call, whatever transaction the caller is in: a rolled-back event batch must not erase the fact that the
 * carrier was called. An outcome may be recorded in the caller's transaction: if that rolls back, the attempt is left
 * without an outcome, which only means the message is looked up at the carrier before any further send.
 */
public interface SendLedger {

    /** The attempts of a message, first to last. */
    List<SendAttempt> attempts(String messageId);

    /**
     * The correlation id (the logging context's {@code correlationId}) that was current when the message's first
     * attempt began, or null: a carrier callback uses it to continue the request's id.
     */
    String correlationId(String messageId);

    /**
     * Records (and commits) a new attempt before the carrier is called, with the current logging context's
     * {@code correlationId}; returns its number.
     */
    int begin(String messageId, Instant startedAt);

    /** Records how an attempt ended, in the caller's transaction when there is one. */
    void finish(
            String messageId,
            int attempt,
            AttemptOutcome outcome,
            String providerMessageId,
            String errorCode,
            Instant finishedAt);
}
