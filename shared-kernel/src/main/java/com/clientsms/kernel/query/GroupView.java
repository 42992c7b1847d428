package com.clientsms.kernel.query;

import java.util.List;

/** A group as staff lists show it. */
public record GroupView(String id, String name, List<String> memberIds) {}
