package com.clientsms.command.delivery;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.clientsms.kernel.delivery.DeliveryStatus;
import com.clientsms.kernel.delivery.RecordDeliveryStatus;
import com.clientsms.kernel.delivery.RecordSmsAccepted;
import com.clientsms.kernel.delivery.SmsAccepted;
import com.clientsms.kernel.delivery.SmsStatusChanged;
import com.clientsms.kernel.rule.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The way of one message to the handset, identified by the message id. Carrier reports arrive late, twice or out of
 * order, so the status only ever moves forward and a final status is never left; anything else changes nothing.
 *
 * <p>The carrier's acceptance is recorded once, even when its report comes after a later status (a delivery callback
 * can overtake the send's own answer): the audit then still shows when the carrier took the message and under which
 * id, while the status stays where it was.
 */
@Aggregate
class SmsDelivery {

    @AggregateIdentifier
    private String messageId;

    private String practiceId;
    private String clientId;
    private DeliveryStatus status = DeliveryStatus.REQUESTED;
    private boolean accepted;

    SmsDelivery() {}

    /** A carrier callback may be recorded before the acceptance, hence create-if-missing on both commands. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordSmsAccepted command) {
        requireMessageId(command.messageId());
        if (!accepted) {
            apply(new SmsAccepted(
                    command.messageId(),
                    command.practiceId(),
                    command.clientId(),
                    command.providerMessageId(),
                    command.acceptedAt()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordDeliveryStatus command) {
        requireMessageId(command.messageId());
        if (command.status() == null) {
            throw RuleViolation.invalid("A delivery status is required.");
        }
        if (movesForward(command.status())) {
            apply(new SmsStatusChanged(
                    command.messageId(),
                    practiceId != null ? practiceId : command.practiceId(),
                    clientId != null ? clientId : command.clientId(),
                    command.status(),
                    command.errorCode(),
                    command.reason(),
                    command.providerMessageId(),
                    command.occurredAt()));
        }
    }

    private boolean movesForward(DeliveryStatus next) {
        return !status.isFinal() && next.isAfter(status);
    }

    private static void requireMessageId(String messageId) {
        if (messageId == null || messageId.isBlank()) {
            throw RuleViolation.invalid("A message id is required.");
        }
    }

    @EventSourcingHandler
    void on(SmsAccepted event) {
        messageId = event.messageId();
        practiceId = event.practiceId();
        clientId = event.clientId();
        accepted = true;
        if (DeliveryStatus.ACCEPTED.isAfter(status)) {
            status = DeliveryStatus.ACCEPTED;
        }
    }

    @EventSourcingHandler
    void on(SmsStatusChanged event) {
        messageId = event.messageId();
        practiceId = event.practiceId() != null ? event.practiceId() : practiceId;
        clientId = event.clientId() != null ? event.clientId() : clientId;
        status = event.status();
    }
}
