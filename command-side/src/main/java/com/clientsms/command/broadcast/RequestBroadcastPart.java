package com.clientsms.command.broadcast;

import com.clientsms.kernel.sending.BroadcastRequested;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Request the messages of recipients {@code first} to {@code first + count - 1} of a broadcast. Dispatched only by the
 * fan-out, in process, so it carries the stored broadcast event itself rather than a copy of its recipients.
 */
record RequestBroadcastPart(
        @TargetAggregateIdentifier String partId, BroadcastRequested broadcast, int part, int first, int count) {

    /** The same part of the same broadcast always has the same id, so requesting it again finds it. */
    static String partId(String broadcastId, int part) {
        return broadcastId + "#" + part;
    }
}
