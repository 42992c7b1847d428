package com.clientsms.kernel.query;

import java.time.Instant;

/** A broadcast message that did not arrive: the carrier's raw code and a readable reason. */
public record BroadcastFailure(
        String messageId, String clientId, String clientName, String status, String code, String reason, Instant at) {}
