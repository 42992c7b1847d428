package com.clientsms.kernel.query;

/** A client a broadcast left out, with the reason in words. */
public record SkippedClient(String clientId, String clientName, String reason) {}
