package com.clientsms.app.ops.correlation;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * A carrier's status callback arrives as a new HTTP request that knows only the message. Its correlation id is taken
 * back from the first event of that message's delivery stream (the acceptance the saga recorded, which carries the id
 * of the request that asked for the message), so the callback's log lines and the final status carry the same id as
 * the request. When the callback beats the acceptance, the callback gets an id of its own.
 */
final class CallbackCorrelation {

    private final EventStore eventStore;

    CallbackCorrelation(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The correlation id of the request that asked for this message, or null when none is recorded yet. */
    String originalId(String messageId) {
        if (!Correlation.acceptable(messageId)) {
            return null;
        }
        try {
            var events = eventStore.readEvents(messageId);
            if (!events.hasNext()) {
                return null;
            }
            DomainEventMessage<?> first = events.next();
            Object id = first.getMetaData().get(Correlation.KEY);
            return id == null ? null : id.toString();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
