package com.clientsms.command.staff;

import com.clientsms.kernel.staff.Role;
import com.clientsms.kernel.staff.StaffRef;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Finds staff accounts for the sign-in, from the directory lookup and the credential table. */
@Component
public class StaffAccounts {

    private final JdbcTemplate jdbc;

    StaffAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StaffAccount> findByUsername(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return jdbc
                .query(
                        """
                        SELECT s.staff_id, s.username, s.display_name, s.role, s.practice_id, c.password_hash
                          FROM directory_staff s
                          JOIN staff_credential c ON c.username = s.username
                         WHERE s.username = ?
                        """,
                        (rs, row) -> new StaffAccount(
                                new StaffRef(
                                        rs.getString("staff_id"),
                                        rs.getString("username"),
                                        rs.getString("display_name"),
                                        Role.valueOf(rs.getString("role")),
                                        rs.getString("practice_id")),
                                rs.getString("password_hash")),
                        username)
                .stream()
                .findFirst();
    }
}
