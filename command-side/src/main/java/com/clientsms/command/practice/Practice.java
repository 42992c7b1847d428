package com.clientsms.command.practice;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.clientsms.kernel.directory.PracticeRegistered;
import com.clientsms.kernel.directory.RegisterPractice;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** The tenant. It exists once; everything else belongs to exactly one practice. */
@Aggregate
class Practice {

    @AggregateIdentifier
    private String practiceId;

    Practice() {}

    @CommandHandler
    Practice(RegisterPractice command) {
        PracticeRules.requireText(command.practiceId(), "A practice id is required.");
        PracticeRules.requireText(command.name(), "The practice's name is required.");
        apply(new PracticeRegistered(
                command.practiceId(), command.name().strip(), GenericEventMessage.clock.instant()));
    }

    @EventSourcingHandler
    void on(PracticeRegistered event) {
        practiceId = event.practiceId();
    }
}
