package com.clientsms.app.security;

import com.clientsms.command.staff.StaffAccount;
import com.clientsms.command.staff.StaffAccounts;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Checks a username and password against the staff directory and makes the directory's StaffRef the principal. */
@Component
class StaffAuthenticationProvider implements AuthenticationProvider {

    private final StaffAccounts accounts;
    private final PasswordEncoder passwords;
    private final String unknownUserHash;

    StaffAuthenticationProvider(StaffAccounts accounts, PasswordEncoder passwords) {
        this.accounts = accounts;
        this.passwords = passwords;
        // Compared against for unknown usernames so a wrong name costs as long as a wrong password.
        this.unknownUserHash = passwords.encode("not-a-password-of-anyone");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        Optional<StaffAccount> account = accounts.findByUsername(username);
        boolean matches = passwords.matches(
                password, account.map(StaffAccount::passwordHash).orElse(unknownUserHash));
        if (account.isEmpty() || !matches) {
            throw new BadCredentialsException("Unknown username or wrong password.");
        }
        var staff = account.get().staff();
        return UsernamePasswordAuthenticationToken.authenticated(
                staff,
                null,
                List.of(new SimpleGrantedAuthority("ROLE_" + staff.role().name())));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
