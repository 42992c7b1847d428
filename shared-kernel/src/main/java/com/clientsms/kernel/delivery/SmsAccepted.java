package com.clientsms.kernel.delivery;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The gateway accepted the message for delivery under its own id. */
@Revision("1")
public record SmsAccepted(
        String messageId, String practiceId, String clientId, String providerMessageId, Instant acceptedAt) {}
