package com.clientsms.command.broadcast;

import com.clientsms.command.lookup.AudienceMember;
import com.clientsms.command.lookup.DirectoryLookup;
import com.clientsms.command.practice.PracticeRules;
import com.clientsms.kernel.query.FailedRecipients;
import com.clientsms.kernel.query.FindFailedRecipients;
import com.clientsms.kernel.rule.RuleViolation;
import com.clientsms.kernel.sending.Audience;
import com.clientsms.kernel.sending.BroadcastAccepted;
import com.clientsms.kernel.sending.ResendFailed;
import com.clientsms.kernel.staff.StaffRef;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.Repository;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Resends a broadcast's body to the clients whose messages failed or were undelivered, as a new broadcast linked to
 * the original. Which messages failed is a fact of the broadcast-outcomes read model, asked through the query bus
 * (the command side never reads the query side's store). The clients are checked again as for any broadcast: one
 * who became inactive or opted out meanwhile is skipped with the reason.
 */
@Component
class ResendFailedHandler {

    private static final Logger log = LoggerFactory.getLogger(ResendFailedHandler.class);

    private final Repository<Broadcast> broadcastRepository;
    private final DirectoryLookup lookup;
    private final QueryGateway queries;

    ResendFailedHandler(Repository<Broadcast> broadcastRepository, DirectoryLookup lookup, QueryGateway queries) {
        this.broadcastRepository = broadcastRepository;
        this.lookup = lookup;
        this.queries = queries;
    }

    @CommandHandler
    BroadcastAccepted handle(ResendFailed command) throws Exception {
        StaffRef sender = command.sender();
        PracticeRules.requireCaller(sender);
        PracticeRules.requireText(command.broadcastId(), "A broadcast id is required.");
        if (!sender.role().mayBroadcast()) {
            throw RuleViolation.forbidden("Only administrators and superusers can resend a broadcast.");
        }
        FailedRecipients failed = failedRecipients(sender.practiceId(), command.originalBroadcastId());
        if (failed.clientIds().isEmpty()) {
            throw RuleViolation.conflict("No message of broadcast " + command.originalBroadcastId()
                    + " has failed or been undelivered, so there is nothing to resend.");
        }
        Set<String> wanted = Set.copyOf(failed.clientIds());
        Map<String, AudienceMember> current = lookup.clientsOf(sender.practiceId()).stream()
                .filter(member -> wanted.contains(member.clientId()))
                .collect(Collectors.toMap(AudienceMember::clientId, Function.identity()));
        List<AudienceMember> members = failed.clientIds().stream()
                .filter(current::containsKey)
                .map(current::get)
                .toList();
        Audience audience = Audience.valueOf(failed.audience().toUpperCase(Locale.ROOT));
        BroadcastAccepted accepted = broadcastRepository
                .newInstance(() -> new Broadcast(
                        command.broadcastId(),
                        command.originalBroadcastId(),
                        sender,
                        audience,
                        failed.groupId(),
                        failed.groupName(),
                        failed.body(),
                        members))
                .invoke(Broadcast::accepted);
        log.info(
                "Broadcast {} resends {} failures of {} by {}: {} targeted, {} skipped",
                command.broadcastId(),
                failed.clientIds().size(),
                command.originalBroadcastId(),
                sender.staffId(),
                accepted.targeted(),
                accepted.skipped().size());
        return accepted;
    }

    private FailedRecipients failedRecipients(String practiceId, String broadcastId) {
        try {
            return queries.query(
                            new FindFailedRecipients(practiceId, broadcastId),
                            ResponseTypes.optionalInstanceOf(FailedRecipients.class))
                    .join()
                    .orElseThrow(() -> RuleViolation.notFound("There is no broadcast with id '" + broadcastId + "'."));
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
