package com.clientsms.kernel.query;

/** The groups of a practice. */
public record FindGroups(String practiceId) {}
