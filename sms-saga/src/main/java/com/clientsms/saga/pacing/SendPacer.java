package com.clientsms.saga.pacing;

import java.time.Instant;
import java.util.Optional;

/** Spreads sends over time so that a sender never exceeds the carrier's rate. */
@FunctionalInterface
public interface SendPacer {

    /**
     * Reserves the next free slot of the sender for a message of the given size, no earlier than {@code notBefore}.
     *
     * @return the moment the message may go out, or empty when sending is not paced (send at once)
     */
    Optional<Instant> reserve(int segments, Instant notBefore);
}
