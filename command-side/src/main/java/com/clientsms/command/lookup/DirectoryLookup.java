package com.clientsms.command.lookup;

import java.util.List;
import java.util.Optional;

/**
 * Set-based questions the aggregates cannot answer from their own events: who is in a practice, who is in a group,
 * who is a practitioner, which usernames are taken. Kept in step with the events in the same transaction.
 */
public interface DirectoryLookup {

    /** Every client of the practice, active or not, ordered by name. */
    List<AudienceMember> clientsOf(String practiceId);

    /** The group with its members and their current state, ordered by name; empty when no such group exists. */
    Optional<GroupAudience> group(String groupId);

    boolean isClientOf(String practiceId, String clientId);

    boolean isPractitionerOf(String practiceId, String staffId);

    boolean isUsernameTaken(String username);
}
