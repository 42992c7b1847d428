package com.clientsms.kernel.query;

/** One client of a practice, if it exists there. */
public record FindClient(String practiceId, String clientId) {}
