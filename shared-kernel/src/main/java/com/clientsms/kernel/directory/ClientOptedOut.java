package com.clientsms.kernel.directory;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The carrier reported the client as opted out; sends skip the client until an opt-in is recorded. */
@Revision("1")
public record ClientOptedOut(
        String clientId, String practiceId, String errorCode, String messageId, Instant optedOutAt) {}
