package com.clientsms.command.lookup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An in-memory directory for aggregate tests: what the lookup tables would hold. */
public class FakeDirectoryLookup implements DirectoryLookup {

    private final Map<String, String> practiceOfClient = new HashMap<>();
    private final Map<String, AudienceMember> clients = new LinkedHashMap<>();
    private final Map<String, GroupAudience> groups = new HashMap<>();
    private final Set<String> practitioners = new HashSet<>();
    private final Set<String> usernames = new HashSet<>();

    public FakeDirectoryLookup client(String practiceId, AudienceMember client) {
        practiceOfClient.put(client.clientId(), practiceId);
        clients.put(client.clientId(), client);
        return this;
    }

    public FakeDirectoryLookup group(String groupId, String practiceId, String name, List<AudienceMember> members) {
        groups.put(groupId, new GroupAudience(groupId, practiceId, name, List.copyOf(members)));
        return this;
    }

    public FakeDirectoryLookup practitioner(String practiceId, String staffId) {
        practitioners.add(practiceId + "/" + staffId);
        return this;
    }

    public FakeDirectoryLookup username(String username) {
        usernames.add(username);
        return this;
    }

    @Override
    public List<AudienceMember> clientsOf(String practiceId) {
        List<AudienceMember> found = new ArrayList<>();
        clients.values().stream()
                .filter(c -> practiceId.equals(practiceOfClient.get(c.clientId())))
                .sorted(Comparator.comparing(AudienceMember::name))
                .forEach(found::add);
        return found;
    }

    @Override
    public Optional<GroupAudience> group(String groupId) {
        return Optional.ofNullable(groups.get(groupId));
    }

    @Override
    public boolean isClientOf(String practiceId, String clientId) {
        return practiceId.equals(practiceOfClient.get(clientId));
    }

    @Override
    public boolean isPractitionerOf(String practiceId, String staffId) {
        return practitioners.contains(practiceId + "/" + staffId);
    }

    @Override
    public boolean isUsernameTaken(String username) {
        return usernames.contains(username);
    }
}
