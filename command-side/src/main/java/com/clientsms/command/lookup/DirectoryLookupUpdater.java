package com.clientsms.command.lookup;

import com.clientsms.kernel.directory.ClientDeactivated;
import com.clientsms.kernel.directory.ClientMobileChanged;
import com.clientsms.kernel.directory.ClientOptedIn;
import com.clientsms.kernel.directory.ClientOptedOut;
import com.clientsms.kernel.directory.ClientReactivated;
import com.clientsms.kernel.directory.ClientRegistered;
import com.clientsms.kernel.directory.GroupCreated;
import com.clientsms.kernel.directory.GroupMemberAdded;
import com.clientsms.kernel.directory.GroupMemberRemoved;
import com.clientsms.kernel.directory.PractitionerLinked;
import com.clientsms.kernel.directory.PractitionerUnlinked;
import com.clientsms.kernel.directory.StaffMemberRegistered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps the lookup tables in step with the directory events. Every write is an upsert, so a repeat is harmless. */
@Component
@ProcessingGroup(DirectoryLookupConfiguration.PROCESSING_GROUP)
class DirectoryLookupUpdater {

    private final JdbcTemplate jdbc;

    DirectoryLookupUpdater(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ClientRegistered event) {
        jdbc.update(
                """
                INSERT INTO directory_client (client_id, practice_id, name, mobile, active, opted_out)
                VALUES (?, ?, ?, ?, ?, FALSE)
                ON CONFLICT (client_id) DO UPDATE
                   SET practice_id = EXCLUDED.practice_id, name = EXCLUDED.name,
                       mobile = EXCLUDED.mobile, active = EXCLUDED.active
                """,
                event.clientId(),
                event.practiceId(),
                event.name(),
                event.mobile(),
                event.active());
        event.practitionerIds().forEach(practitionerId -> link(event.clientId(), practitionerId));
    }

    @EventHandler
    void on(ClientMobileChanged event) {
        jdbc.update("UPDATE directory_client SET mobile = ? WHERE client_id = ?", event.mobile(), event.clientId());
    }

    @EventHandler
    void on(ClientDeactivated event) {
        setActive(event.clientId(), false);
    }

    @EventHandler
    void on(ClientReactivated event) {
        setActive(event.clientId(), true);
    }

    @EventHandler
    void on(ClientOptedOut event) {
        setOptedOut(event.clientId(), true);
    }

    @EventHandler
    void on(ClientOptedIn event) {
        setOptedOut(event.clientId(), false);
    }

    @EventHandler
    void on(PractitionerLinked event) {
        link(event.clientId(), event.practitionerId());
    }

    @EventHandler
    void on(PractitionerUnlinked event) {
        jdbc.update(
                "DELETE FROM directory_client_practitioner WHERE client_id = ? AND practitioner_id = ?",
                event.clientId(),
                event.practitionerId());
    }

    @EventHandler
    void on(GroupCreated event) {
        jdbc.update(
                """
                INSERT INTO directory_group (group_id, practice_id, name) VALUES (?, ?, ?)
                ON CONFLICT (group_id) DO UPDATE SET practice_id = EXCLUDED.practice_id, name = EXCLUDED.name
                """,
                event.groupId(),
                event.practiceId(),
                event.name());
        event.memberIds().forEach(clientId -> addMember(event.groupId(), clientId));
    }

    @EventHandler
    void on(GroupMemberAdded event) {
        addMember(event.groupId(), event.clientId());
    }

    @EventHandler
    void on(GroupMemberRemoved event) {
        jdbc.update(
                "DELETE FROM directory_group_member WHERE group_id = ? AND client_id = ?",
                event.groupId(),
                event.clientId());
    }

    @EventHandler
    void on(StaffMemberRegistered event) {
        jdbc.update(
                """
                INSERT INTO directory_staff (staff_id, practice_id, username, display_name, role)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (staff_id) DO UPDATE
                   SET practice_id = EXCLUDED.practice_id, username = EXCLUDED.username,
                       display_name = EXCLUDED.display_name, role = EXCLUDED.role
                """,
                event.staffId(),
                event.practiceId(),
                event.username(),
                event.displayName(),
                event.role().name());
    }

    private void setActive(String clientId, boolean active) {
        jdbc.update("UPDATE directory_client SET active = ? WHERE client_id = ?", active, clientId);
    }

    private void setOptedOut(String clientId, boolean optedOut) {
        jdbc.update("UPDATE directory_client SET opted_out = ? WHERE client_id = ?", optedOut, clientId);
    }

    private void link(String clientId, String practitionerId) {
        jdbc.update(
                """
                INSERT INTO directory_client_practitioner (client_id, practitioner_id) VALUES (?, ?)
                ON CONFLICT DO NOTHING
                """,
                clientId,
                practitionerId);
    }

    private void addMember(String groupId, String clientId) {
        jdbc.update(
                "INSERT INTO directory_group_member (group_id, client_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                groupId,
                clientId);
    }
}
