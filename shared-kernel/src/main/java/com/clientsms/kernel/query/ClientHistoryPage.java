package com.clientsms.kernel.query;

import java.util.List;

/** One page of a client's history. */
public record ClientHistoryPage(List<MessageView> items, int page, int size, long total) {}
