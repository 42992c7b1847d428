package com.clientsms.kernel.query;

/** The broadcasts of a practice, newest first. */
public record FindBroadcasts(String practiceId, int page, int size) {}
