package com.clientsms.query.config;

import static com.clientsms.query.support.Events.PRACTICE;
import static com.clientsms.query.support.Events.T0;
import static com.clientsms.query.support.Events.accepted;
import static com.clientsms.query.support.Events.client;
import static com.clientsms.query.support.Events.requested;
import static com.clientsms.query.support.Events.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.clientsms.kernel.delivery.DeliveryStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

/** A message's request and its delivery reports are handled in order, whichever aggregates recorded them. */
class PerMessageSequencingTest {

    @Test
    void requestAndDeliveryReportsOfOneMessageShareASequence() {
        var policy = ProjectionProcessingConfiguration.perMessage();

        var request = new GenericDomainEventMessage<>("Client", "c1", 3, requested("m1", "c1", T0));
        var accept = new GenericDomainEventMessage<>("SmsDelivery", "m1", 0, accepted("m1", "c1", T0));
        var deliver = new GenericDomainEventMessage<>(
                "SmsDelivery", "m1", 1, status("m1", "c1", DeliveryStatus.DELIVERED, T0));

        assertThat(policy.getSequenceIdentifierFor(request)).isEqualTo("m1");
        assertThat(policy.getSequenceIdentifierFor(accept)).isEqualTo("m1");
        assertThat(policy.getSequenceIdentifierFor(deliver)).isEqualTo("m1");
    }

    @Test
    void otherEventsStayInTheirAggregatesSequence() {
        var policy = ProjectionProcessingConfiguration.perMessage();

        var registered = new GenericDomainEventMessage<>("Client", "c1", 0, client("c1", PRACTICE, "Casey", null));

        assertThat(policy.getSequenceIdentifierFor(registered)).isEqualTo("c1");
    }
}
