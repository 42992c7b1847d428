package com.clientsms.kernel.query;

import com.clientsms.kernel.staff.Role;

/** A member of staff as directory lists show them. */
public record StaffView(String id, String username, String name, Role role) {}
