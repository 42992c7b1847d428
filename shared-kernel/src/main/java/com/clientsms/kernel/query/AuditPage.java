package com.clientsms.kernel.query;

import java.util.List;

/** One page of the audit log. */
public record AuditPage(List<AuditEntry> items, int page, int size, long total) {}
