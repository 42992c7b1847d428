package com.clientsms.command.staff;

import com.clientsms.kernel.directory.RegisterStaffMember;
import com.clientsms.kernel.rule.RuleViolation;
import com.clientsms.kernel.staff.Role;
import com.clientsms.kernel.staff.StaffRef;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers a member of staff and their password together: the event and the bcrypt hash commit in one transaction,
 * so there is never an account without a password or a password without an account.
 */
@Component
public class StaffOnboarding {

    public static final int MIN_PASSWORD_LENGTH = 4;

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;

    StaffOnboarding(CommandGateway commands, JdbcTemplate jdbc, PasswordEncoder passwords) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    /** Returns the staff id (the given one, or a new one when null). */
    @Transactional
    public String register(
            String staffId,
            String practiceId,
            String username,
            String displayName,
            Role role,
            String rawPassword,
            StaffRef registeredBy) {
        if (rawPassword == null || rawPassword.codePointCount(0, rawPassword.length()) < MIN_PASSWORD_LENGTH) {
            throw RuleViolation.invalid("The password needs at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        String id = staffId == null ? UUID.randomUUID().toString() : staffId;
        commands.sendAndWait(new RegisterStaffMember(id, practiceId, username, displayName, role, registeredBy));
        jdbc.update(
                "INSERT INTO staff_credential (username, password_hash) VALUES (?, ?)",
                username.strip(),
                passwords.encode(rawPassword));
        return id;
    }
}
