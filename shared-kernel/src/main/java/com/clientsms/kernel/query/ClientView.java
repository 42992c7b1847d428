package com.clientsms.kernel.query;

import java.util.List;

/** A client as staff lists show it. The mobile number is masked. */
public record ClientView(
        String id,
        String name,
        boolean active,
        String mobile,
        boolean hasMobile,
        boolean optedOut,
        List<String> practitioners) {}
