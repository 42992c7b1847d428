package com.clientsms.kernel.sending;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * One part of a broadcast's audience is being texted: the {@link MessageRequested} events of its recipients
 * ({@code first} to {@code first + count - 1} of the broadcast's recipients, in order) follow in the same commit.
 */
@Revision("1")
public record BroadcastPartRequested(
        String partId, String broadcastId, String practiceId, int part, int first, int count, Instant requestedAt) {}
