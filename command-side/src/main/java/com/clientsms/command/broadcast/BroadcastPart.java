package com.clientsms.command.broadcast;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.clientsms.kernel.sending.BroadcastPartRequested;
import com.clientsms.kernel.sending.BroadcastRecipient;
import com.clientsms.kernel.sending.BroadcastRequested;
import com.clientsms.kernel.sending.MessageRequested;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A slice of a broadcast's recipients whose messages are requested in one commit. Its id is derived from the broadcast
 * and the part's number, and a part already requested changes nothing: the fan-out may request a part again after a
 * crash, a retry or a segment taken over by another instance, and each client still gets one message, whose id is
 * derived from the broadcast and the client as before.
 */
@Aggregate
class BroadcastPart {

    @AggregateIdentifier
    private String partId;

    BroadcastPart() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RequestBroadcastPart command) {
        if (partId != null) {
            return;
        }
        BroadcastRequested broadcast = command.broadcast();
        apply(new BroadcastPartRequested(
                command.partId(),
                broadcast.broadcastId(),
                broadcast.practiceId(),
                command.part(),
                command.first(),
                command.count(),
                broadcast.requestedAt()));
        for (BroadcastRecipient recipient :
                broadcast.recipients().subList(command.first(), command.first() + command.count())) {
            apply(new MessageRequested(
                    Broadcast.messageId(broadcast.broadcastId(), recipient.clientId()),
                    broadcast.practiceId(),
                    recipient.clientId(),
                    recipient.name(),
                    recipient.mobile(),
                    broadcast.sender(),
                    broadcast.audience(),
                    broadcast.broadcastId(),
                    broadcast.groupId(),
                    broadcast.body(),
                    broadcast.characters(),
                    broadcast.encoding(),
                    broadcast.segments(),
                    broadcast.requestedAt()));
        }
    }

    @EventSourcingHandler
    void on(BroadcastPartRequested event) {
        partId = event.partId();
    }
}
