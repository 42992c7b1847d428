package com.clientsms.kernel.query;

/** The messages sent to one client, newest first. */
public record FindClientHistory(String practiceId, String clientId, int page, int size) {}
