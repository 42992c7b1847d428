package com.clientsms.kernel.query;

/** The staff directory of a practice. */
public record FindStaff(String practiceId) {}
