package com.clientsms.kernel.directory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that the carrier told us the client opted out (replied STOP). */
public record RecordClientOptOut(@TargetAggregateIdentifier String clientId, String errorCode, String messageId) {}
