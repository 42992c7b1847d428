package com.clientsms.command.broadcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import com.clientsms.kernel.body.SmsEncoding;
import com.clientsms.kernel.sending.Audience;
import com.clientsms.kernel.sending.BroadcastRecipient;
import com.clientsms.kernel.sending.BroadcastRequested;
import com.clientsms.kernel.staff.Role;
import com.clientsms.kernel.staff.StaffRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MessageHandlerTimeout;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BroadcastFanOutTest {

    private static final StaffRef ADMIN = new StaffRef("s-admin", "admin", "Ada Admin", Role.ADMIN, "p-1");

    private final List<CommandMessage<?>> dispatched = Collections.synchronizedList(new ArrayList<>());
    private final List<Boolean> insideAUnitOfWork = Collections.synchronizedList(new ArrayList<>());
    private final CommandGateway commands = mock(CommandGateway.class);
    private BroadcastFanOut fanOut;

    @AfterEach
    void tearDown() {
        if (fanOut != null) {
            fanOut.shutDown();
        }
    }

    private BroadcastFanOut fanOut(int partSize) {
        doAnswer(invocation -> {
                    dispatched.add(invocation.getArgument(0));
                    insideAUnitOfWork.add(CurrentUnitOfWork.isStarted());
                    return null;
                })
                .when(commands)
                .sendAndWait(any());
        fanOut = new BroadcastFanOut(commands, partSize);
        return fanOut;
    }

    private static BroadcastRequested broadcastTo(int recipients) {
        return new BroadcastRequested(
                "b-1",
                "p-1",
                ADMIN,
                Audience.ALL,
                null,
                null,
                "Closed on Monday",
                16,
                SmsEncoding.GSM_7,
                1,
                recipients,
                List.of(),
                IntStream.range(0, recipients)
                        .mapToObj(i -> new BroadcastRecipient("c-" + i, "Client " + i, "+614000" + (10000 + i)))
                        .toList(),
                Instant.parse("2026-12-04T09:00:00Z"));
    }

    private List<RequestBroadcastPart> parts() {
        return dispatched.stream()
                .map(message -> (RequestBroadcastPart) message.getPayload())
                .toList();
    }

    @Test
    void everyRecipientIsInExactlyOnePartInOrder() {
        fanOut(500).on(broadcastTo(1_201), MetaData.emptyInstance());

        assertThat(parts())
                .extracting(RequestBroadcastPart::partId, RequestBroadcastPart::first, RequestBroadcastPart::count)
                .containsExactly(tuple("b-1#0", 0, 500), tuple("b-1#1", 500, 500), tuple("b-1#2", 1_000, 201));
    }

    @Test
    void eachPartIsItsOwnUnitOfWorkAndCarriesTheBroadcastsCorrelation() {
        BroadcastFanOut fanOut = fanOut(2);
        // As on the processor's thread: the event is handled inside a unit of work. A part dispatched from it would
        // join it and be committed with every other part at its end.
        UnitOfWork<?> processors = DefaultUnitOfWork.startAndGet(null);
        try {
            fanOut.on(broadcastTo(5), MetaData.from(Map.of("correlationId", "req-42", "traceId", "t-1")));
        } finally {
            processors.rollback();
        }

        assertThat(dispatched).hasSize(3).allSatisfy(message -> assertThat(message.getMetaData())
                .containsEntry("correlationId", "req-42")
                .containsEntry("traceId", "t-1"));
        assertThat(insideAUnitOfWork).containsExactly(false, false, false);
    }

    @Test
    void broadcastRecordedBeforeFanOutExistedNeedsNothing() {
        fanOut(500).on(broadcastTo(0), MetaData.emptyInstance());

        assertThat(dispatched).isEmpty();
    }

    @Test
    void aPartThatFailsFailsTheEventSoItIsHandledAgain() {
        doAnswer(invocation -> {
                    throw new IllegalStateException("event store unreachable");
                })
                .when(commands)
                .sendAndWait(any());
        fanOut = new BroadcastFanOut(commands, 500);

        assertThatThrownBy(() -> fanOut.on(broadcastTo(3), MetaData.with("correlationId", "x")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("event store unreachable");
    }

    @Test
    void aLargeFanOutIsNotInterruptedAtAxonsThirtySecondsForAnEventHandler() throws Exception {
        MessageHandlerTimeout timeout = BroadcastFanOut.class
                .getDeclaredMethod("on", BroadcastRequested.class, MetaData.class)
                .getAnnotation(MessageHandlerTimeout.class);

        assertThat(timeout).isNotNull();
        assertThat(timeout.timeoutMs()).isGreaterThanOrEqualTo(30 * 60 * 1000);
    }

    @Test
    void aPartSizeBelowOneIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new BroadcastFanOut(commands, 0))
                .hasMessageContaining("clientsms.broadcast.part-size must be at least 1");
    }
}
