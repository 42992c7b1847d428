package com.clientsms.app.ops.correlation;

import com.clientsms.kernel.delivery.SmsAccepted;
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
            // The acceptance was recorded by the saga and carries the request's id; a status recorded from an earlier
            // callback that beat it carries that callback's own id, so the acceptance is preferred.
            var events = eventStore.readEvents(messageId);
            Object fallback = null;
            while (events.hasNext()) {
                DomainEventMessage<?> event = events.next();
                Object id = event.getMetaData().get(Correlation.KEY);
                if (event.getPayload() instanceof SmsAccepted && id != null) {
                    return id.toString();
                }
                fallback = fallback == null ? id : fallback;
            }
            return fallback == null ? null : fallback.toString();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
