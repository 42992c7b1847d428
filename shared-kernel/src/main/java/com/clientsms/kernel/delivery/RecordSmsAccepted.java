package com.clientsms.kernel.delivery;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The gateway took the message and gave it its own id. */
public record RecordSmsAccepted(
        @TargetAggregateIdentifier String messageId,
        String practiceId,
        String clientId,
        String providerMessageId,
        Instant acceptedAt) {}
