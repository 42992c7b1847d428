package com.clientsms.saga.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.clientsms.kernel.delivery.DeliveryStatus;
import com.clientsms.kernel.delivery.RecordDeliveryStatus;
import com.clientsms.saga.gateway.DeliveryReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeliveryReportRecorderTest {

    private static final Instant AT = Instant.parse("2026-12-03T10:00:05Z");
    private static final String PROVIDER_ID = "SM0123456789abcdef0123456789abcdef";

    private final List<Object> commands = new ArrayList<>();
    private DeliveryReportRecorder recorder;

    @BeforeEach
    void setUp() {
        SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
        commandBus.subscribe(RecordDeliveryStatus.class.getName(), command -> {
            commands.add(command.getPayload());
            return null;
        });
        recorder = new DeliveryReportRecorder(
                DefaultCommandGateway.builder().commandBus(commandBus).build());
    }

    @ParameterizedTest
    @CsvSource({"queued, ACCEPTED", "sent, SENT", "delivered, DELIVERED", "undelivered, UNDELIVERED", "failed, FAILED"})
    void carrierStatusIsRecordedAsOurStatus(String carrierStatus, DeliveryStatus expected) {
        recorder.report(new DeliveryReport(PROVIDER_ID, "msg-1", carrierStatus, null, AT));

        assertThat(commands)
                .containsExactly(new RecordDeliveryStatus("msg-1", null, null, expected, null, null, PROVIDER_ID, AT));
    }

    @Test
    void undeliveredReportKeepsTheRawCodeAndGetsAReadableReason() {
        recorder.report(new DeliveryReport(PROVIDER_ID, "msg-1", "undelivered", "30003", AT));

        assertThat(commands)
                .containsExactly(new RecordDeliveryStatus(
                        "msg-1",
                        null,
                        null,
                        DeliveryStatus.UNDELIVERED,
                        "30003",
                        "The handset is unreachable (switched off or out of coverage).",
                        PROVIDER_ID,
                        AT));
    }

    @Test
    void codeTwilioAddedLaterIsRecordedRawWithAGenericReason() {
        recorder.report(new DeliveryReport(PROVIDER_ID, "msg-1", "failed", "30044", AT));

        assertThat(commands).singleElement().isInstanceOfSatisfying(RecordDeliveryStatus.class, command -> {
            assertThat(command.errorCode()).isEqualTo("30044");
            assertThat(command.reason()).contains("30044");
        });
    }

    @Test
    void unknownCarrierStatusIsIgnoredWithoutAnError() {
        assertThatCode(() -> recorder.report(new DeliveryReport(PROVIDER_ID, "msg-1", "teleported", null, AT)))
                .doesNotThrowAnyException();

        assertThat(commands).isEmpty();
    }

    @Test
    void missingCarrierStatusIsIgnoredWithoutAnError() {
        recorder.report(new DeliveryReport(PROVIDER_ID, "msg-1", null, null, AT));

        assertThat(commands).isEmpty();
    }

    @Test
    void reportWithoutOurMessageIdIsIgnored() {
        recorder.report(new DeliveryReport(PROVIDER_ID, null, "delivered", null, AT));

        assertThat(commands).isEmpty();
    }

    @Test
    void failingCommandIsNotThrownBackAtTheCarrier() {
        var failingBus = SimpleCommandBus.builder().build();
        failingBus.subscribe(RecordDeliveryStatus.class.getName(), command -> {
            throw new IllegalStateException("store down");
        });
        var failingRecorder = new DeliveryReportRecorder(
                DefaultCommandGateway.builder().commandBus(failingBus).build());

        assertThatCode(() -> failingRecorder.report(new DeliveryReport(PROVIDER_ID, "msg-1", "delivered", null, AT)))
                .doesNotThrowAnyException();
    }
}
