package com.clientsms.kernel.query;

/** The clients of a broadcast whose messages failed or were undelivered, for resending. */
public record FindFailedRecipients(String practiceId, String broadcastId) {}
