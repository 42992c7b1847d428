package com.clientsms.kernel.sending;

/** A client a broadcast did not text, and why. */
public record SkippedRecipient(String clientId, String clientName, SkipReason reason) {}
