package com.clientsms.command.broadcast;

import com.clientsms.command.lookup.AudienceMember;
import com.clientsms.command.lookup.DirectoryLookup;
import com.clientsms.command.lookup.GroupAudience;
import com.clientsms.command.practice.PracticeRules;
import com.clientsms.kernel.rule.RuleViolation;
import com.clientsms.kernel.sending.Audience;
import com.clientsms.kernel.sending.BroadcastAccepted;
import com.clientsms.kernel.sending.BroadcastToAll;
import com.clientsms.kernel.sending.SendToGroup;
import com.clientsms.kernel.staff.StaffRef;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Resolves a broadcast's audience from the directory lookup, then lets a new Broadcast decide. */
@Component
class BroadcastCommandHandler {

    private static final Logger log = LoggerFactory.getLogger(BroadcastCommandHandler.class);

    private final Repository<Broadcast> broadcastRepository;
    private final DirectoryLookup lookup;

    BroadcastCommandHandler(Repository<Broadcast> broadcastRepository, DirectoryLookup lookup) {
        this.broadcastRepository = broadcastRepository;
        this.lookup = lookup;
    }

    @CommandHandler
    BroadcastAccepted handle(BroadcastToAll command) throws Exception {
        StaffRef sender = command.sender();
        PracticeRules.requireCaller(sender);
        List<AudienceMember> audience = lookup.clientsOf(sender.practiceId());
        return start(command.broadcastId(), sender, Audience.ALL, null, null, command.body(), audience);
    }

    @CommandHandler
    BroadcastAccepted handle(SendToGroup command) throws Exception {
        StaffRef sender = command.sender();
        PracticeRules.requireCaller(sender);
        GroupAudience group = Optional.ofNullable(command.groupId())
                .flatMap(lookup::group)
                .filter(found -> sender.belongsTo(found.practiceId()))
                .orElseThrow(() -> RuleViolation.notFound("No group " + command.groupId() + " in your practice."));
        return start(
                command.broadcastId(),
                sender,
                Audience.GROUP,
                group.groupId(),
                group.name(),
                command.body(),
                group.members());
    }

    private BroadcastAccepted start(
            String broadcastId,
            StaffRef sender,
            Audience audience,
            String groupId,
            String groupName,
            String body,
            List<AudienceMember> members)
            throws Exception {
        PracticeRules.requireText(broadcastId, "A broadcast id is required.");
        BroadcastAccepted accepted = broadcastRepository
                .newInstance(() -> new Broadcast(broadcastId, sender, audience, groupId, groupName, body, members))
                .invoke(Broadcast::accepted);
        log.info(
                "Broadcast {} to {} by {}: {} targeted, {} skipped, body of {} characters",
                broadcastId,
                audience,
                sender.staffId(),
                accepted.targeted(),
                accepted.skipped().size(),
                body.codePointCount(0, body.length()));
        return accepted;
    }
}
