package com.clientsms.saga.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The ledger in memory, for saga tests. */
public class InMemorySendLedger implements SendLedger {

    private final List<SendAttempt> rows = new ArrayList<>();

    @Override
    public synchronized List<SendAttempt> attempts(String messageId) {
        return rows.stream().filter(a -> a.messageId().equals(messageId)).toList();
    }

    @Override
    public synchronized int begin(String messageId, Instant startedAt) {
        int attempt = attempts(messageId).size() + 1;
        rows.add(new SendAttempt(messageId, attempt, startedAt, null, null, null));
        return attempt;
    }

    @Override
    public synchronized void finish(
            String messageId,
            int attempt,
            AttemptOutcome outcome,
            String providerMessageId,
            String errorCode,
            Instant finishedAt) {
        rows.replaceAll(a -> a.messageId().equals(messageId) && a.attempt() == attempt
                ? new SendAttempt(messageId, attempt, a.startedAt(), outcome, providerMessageId, errorCode)
                : a);
    }

    /** An attempt whose outcome was never recorded, as after a crash in the middle of the carrier call. */
    public synchronized void crashedDuringAttempt(String messageId, Instant startedAt) {
        begin(messageId, startedAt);
    }
}
