package com.clientsms.kernel.query;

/** How many of a broadcast's messages are at each status right now. */
public record StatusCounts(long requested, long accepted, long sent, long delivered, long undelivered, long failed) {}
