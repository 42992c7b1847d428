package com.clientsms.kernel.query;

/** How one broadcast went, if it exists in that practice. */
public record FindBroadcastOutcome(String practiceId, String broadcastId) {}
