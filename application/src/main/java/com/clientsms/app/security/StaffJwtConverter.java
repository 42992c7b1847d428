package com.clientsms.app.security;

import com.clientsms.kernel.staff.Role;
import com.clientsms.kernel.staff.StaffRef;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

/**
 * Turns a verified JWT from the identity provider into the same StaffRef principal that HTTP Basic gives, so
 * controllers and aggregates never know how the caller signed in. A token without a known role or a practice is
 * refused (401) rather than guessed.
 */
@Component
class StaffJwtConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final JwtStaffClaims claims;

    StaffJwtConverter(JwtStaffClaims claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String staffId = required(jwt, claims.staffId());
        String username = jwt.hasClaim(claims.username()) ? jwt.getClaimAsString(claims.username()) : staffId;
        String name = jwt.hasClaim(claims.name()) ? jwt.getClaimAsString(claims.name()) : username;
        Role role = roleOf(jwt);
        String practice = required(jwt, claims.practice());
        StaffRef staff = new StaffRef(staffId, username, name, role, practice);
        return new StaffJwtAuthentication(staff, jwt, List.of(new SimpleGrantedAuthority("ROLE_" + role.name())));
    }

    private Role roleOf(Jwt jwt) {
        Object value = jwt.getClaim(claims.role());
        // Providers put roles either in a string or in a list; the first role this product knows wins.
        List<?> candidates =
                value instanceof Collection<?> many ? List.copyOf(many) : value == null ? List.of() : List.of(value);
        for (Object candidate : candidates) {
            String text = String.valueOf(candidate).strip().toUpperCase(Locale.ROOT);
            if (text.startsWith("ROLE_")) {
                text = text.substring("ROLE_".length());
            }
            for (Role role : Role.values()) {
                if (role.name().equals(text)) {
                    return role;
                }
            }
        }
        throw new InvalidBearerTokenException("The token's '" + claims.role() + "' claim names no staff role.");
    }

    private static String required(Jwt jwt, String claim) {
        String value = jwt.getClaimAsString(claim);
        if (value == null || value.isBlank()) {
            throw new InvalidBearerTokenException("The token has no '" + claim + "' claim.");
        }
        return value;
    }

    static final class StaffJwtAuthentication extends AbstractAuthenticationToken {

        private final StaffRef staff;
        private final transient Jwt jwt;

        StaffJwtAuthentication(StaffRef staff, Jwt jwt, Collection<? extends GrantedAuthority> authorities) {
            super(authorities);
            this.staff = staff;
            this.jwt = jwt;
            setAuthenticated(true);
        }

        @Override
        public Object getPrincipal() {
            return staff;
        }

        @Override
        public Object getCredentials() {
            return jwt;
        }

        @Override
        public String getName() {
            return staff.username();
        }
    }
}
