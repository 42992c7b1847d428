package com.clientsms.command.group;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.clientsms.command.lookup.DirectoryLookup;
import com.clientsms.command.practice.PracticeRules;
import com.clientsms.kernel.directory.AddGroupMember;
import com.clientsms.kernel.directory.CreateGroup;
import com.clientsms.kernel.directory.GroupCreated;
import com.clientsms.kernel.directory.GroupMemberAdded;
import com.clientsms.kernel.directory.GroupMemberRemoved;
import com.clientsms.kernel.directory.RemoveGroupMember;
import com.clientsms.kernel.rule.RuleViolation;
import com.clientsms.kernel.staff.StaffRef;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A named set of clients of one practice. Whether a client belongs to the practice is a set-based question, so the
 * handlers ask the directory lookup; the rule itself lives here.
 */
@Aggregate
class ClientGroup {

    @AggregateIdentifier
    private String groupId;

    private String practiceId;
    private final Set<String> memberIds = new HashSet<>();

    ClientGroup() {}

    @CommandHandler
    ClientGroup(CreateGroup command, DirectoryLookup lookup) {
        StaffRef by = command.createdBy();
        PracticeRules.requireCaller(by);
        if (!by.belongsTo(command.practiceId())) {
            throw RuleViolation.forbidden("You can only create groups in your own practice.");
        }
        PracticeRules.requireDirectoryManager(by, "create groups");
        PracticeRules.requireText(command.groupId(), "A group id is required.");
        PracticeRules.requireText(command.name(), "The group's name is required.");
        List<String> members = command.memberIds() == null
                ? List.of()
                : command.memberIds().stream().distinct().toList();
        members.forEach(clientId -> requireClientOfPractice(lookup, command.practiceId(), clientId));
        apply(new GroupCreated(
                command.groupId(),
                command.practiceId(),
                command.name().strip(),
                members,
                by,
                GenericEventMessage.clock.instant()));
    }

    @CommandHandler
    void handle(AddGroupMember command, DirectoryLookup lookup) {
        requireManager(command.changedBy(), "add clients to groups");
        requireClientOfPractice(lookup, practiceId, command.clientId());
        if (!memberIds.contains(command.clientId())) {
            apply(new GroupMemberAdded(
                    groupId, practiceId, command.clientId(), command.changedBy(), GenericEventMessage.clock.instant()));
        }
    }

    @CommandHandler
    void handle(RemoveGroupMember command) {
        requireManager(command.changedBy(), "remove clients from groups");
        if (memberIds.contains(command.clientId())) {
            apply(new GroupMemberRemoved(
                    groupId, practiceId, command.clientId(), command.changedBy(), GenericEventMessage.clock.instant()));
        }
    }

    @EventSourcingHandler
    void on(GroupCreated event) {
        groupId = event.groupId();
        practiceId = event.practiceId();
        memberIds.addAll(event.memberIds());
    }

    @EventSourcingHandler
    void on(GroupMemberAdded event) {
        memberIds.add(event.clientId());
    }

    @EventSourcingHandler
    void on(GroupMemberRemoved event) {
        memberIds.remove(event.clientId());
    }

    private void requireManager(StaffRef caller, String action) {
        PracticeRules.requireSamePractice(caller, practiceId, "No group " + groupId + " in your practice.");
        PracticeRules.requireDirectoryManager(caller, action);
    }

    private static void requireClientOfPractice(DirectoryLookup lookup, String practiceId, String clientId) {
        if (clientId == null || !lookup.isClientOf(practiceId, clientId)) {
            throw RuleViolation.notFound("No client " + clientId + " in your practice.");
        }
    }
}
