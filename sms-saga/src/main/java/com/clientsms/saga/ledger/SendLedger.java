package com.clientsms.saga.ledger;

import java.time.Instant;
import java.util.List;

/**
 * The durable record of every attempt to hand a message to the carrier. Each write is committed on its own, before
 * or after the carrier call, whatever transaction the caller is in: a rolled-back event batch must not erase the fact
 * that the carrier was called.
 */
public interface SendLedger {

    /** The attempts of a message, first to last. */
    List<SendAttempt> attempts(String messageId);

    /** Records (and commits) a new attempt before the carrier is called; returns its number. */
    int begin(String messageId, Instant startedAt);

    /** Records (and commits) how an attempt ended. */
    void finish(
            String messageId,
            int attempt,
            AttemptOutcome outcome,
            String providerMessageId,
            String errorCode,
            Instant finishedAt);
}
