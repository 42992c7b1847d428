package com.clientsms.command.lookup;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Reads the lookup tables through the caller's transaction, so a command sees what its own unit of work wrote. */
@Component
class JdbcDirectoryLookup implements DirectoryLookup {

    private static final RowMapper<AudienceMember> MEMBER = (rs, row) -> new AudienceMember(
            rs.getString("client_id"),
            rs.getString("name"),
            rs.getString("mobile"),
            rs.getBoolean("active"),
            rs.getBoolean("opted_out"));

    private final JdbcTemplate jdbc;

    JdbcDirectoryLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<AudienceMember> clientsOf(String practiceId) {
        return jdbc.query(
                """
                SELECT client_id, name, mobile, active, opted_out
                  FROM directory_client
                 WHERE practice_id = ?
                 ORDER BY name, client_id
                """,
                MEMBER,
                practiceId);
    }

    @Override
    public Optional<GroupAudience> group(String groupId) {
        return jdbc
                .query(
                        "SELECT group_id, practice_id, name FROM directory_group WHERE group_id = ?",
                        (rs, row) -> new GroupAudience(
                                rs.getString("group_id"), rs.getString("practice_id"), rs.getString("name"), null),
                        groupId)
                .stream()
                .findFirst()
                .map(group -> new GroupAudience(
                        group.groupId(), group.practiceId(), group.name(), membersOf(group.groupId())));
    }

    private List<AudienceMember> membersOf(String groupId) {
        return jdbc.query(
                """
                SELECT c.client_id, c.name, c.mobile, c.active, c.opted_out
                  FROM directory_group_member m
                  JOIN directory_client c ON c.client_id = m.client_id
                 WHERE m.group_id = ?
                 ORDER BY c.name, c.client_id
                """,
                MEMBER,
                groupId);
    }

    @Override
    public boolean isClientOf(String practiceId, String clientId) {
        return exists("SELECT 1 FROM directory_client WHERE practice_id = ? AND client_id = ?", practiceId, clientId);
    }

    @Override
    public boolean isPractitionerOf(String practiceId, String staffId) {
        return exists(
                "SELECT 1 FROM directory_staff WHERE practice_id = ? AND staff_id = ? AND role = 'PRACTITIONER'",
                practiceId,
                staffId);
    }

    @Override
    public boolean isUsernameTaken(String username) {
        return exists("SELECT 1 FROM directory_staff WHERE username = ?", username);
    }

    private boolean exists(String sql, Object... args) {
        return !jdbc.queryForList(sql, Integer.class, args).isEmpty();
    }
}
