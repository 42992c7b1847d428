package com.clientsms.kernel.query;

import java.time.Instant;

/** One status change of a message: when, and the carrier's raw code if any. */
public record TimelineEntry(String status, Instant at, String code, String reason) {}
