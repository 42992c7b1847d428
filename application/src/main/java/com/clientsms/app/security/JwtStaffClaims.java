package com.clientsms.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which claims of an identity provider's JWT name the member of staff. The defaults follow OpenID Connect where it has
 * a standard claim (sub, preferred_username, name); role and practice are this product's own.
 */
@ConfigurationProperties("clientsms.security.jwt.claims")
record JwtStaffClaims(String staffId, String username, String name, String role, String practice) {

    JwtStaffClaims {
        staffId = orDefault(staffId, "sub");
        username = orDefault(username, "preferred_username");
        name = orDefault(name, "name");
        role = orDefault(role, "role");
        practice = orDefault(practice, "practice_id");
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
