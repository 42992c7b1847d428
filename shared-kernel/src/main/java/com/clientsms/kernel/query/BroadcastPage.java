package com.clientsms.kernel.query;

import java.util.List;

/** One page of a practice's broadcasts. */
public record BroadcastPage(List<BroadcastSummary> items, int page, int size, long total) {}
