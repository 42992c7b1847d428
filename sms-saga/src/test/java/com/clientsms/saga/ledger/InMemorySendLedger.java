package com.clientsms.saga.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.MDC;

/** The ledger in memory, for saga tests. */
public class InMemorySendLedger implements SendLedger {

    private final List<SendAttempt> rows = new ArrayList<>();
    private final Map<String, String> correlationIds = new HashMap<>();

    @Override
    public synchronized String correlationId(String messageId) {
        return correlationIds.get(messageId);
    }

    @Override
    public synchronized List<SendAttempt> attempts(String messageId) {
        return rows.stream().filter(a -> a.messageId().equals(messageId)).toList();
    }

    @Override
    public synchronized int begin(String messageId, Instant startedAt) {
        int attempt = attempts(messageId).size() + 1;
        rows.add(new SendAttempt(messageId, attempt, startedAt, null, null, null));
        String correlationId = MDC.get("correlationId");
        if (correlationId != null) {
            correlationIds.putIfAbsent(messageId, correlationId);
        }
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
