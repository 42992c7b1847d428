package com.clientsms.saga.gateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.clientsms.saga.gateway.CarrierErrors;
import com.clientsms.saga.gateway.DeliveryReport;
import com.clientsms.saga.gateway.OutboundSms;
import com.clientsms.saga.gateway.SendOutcome;
import com.clientsms.saga.gateway.simulator.SimulatedFate.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatedSmsGatewayTest {

    private static final String MOBILE = "+61412345678";
    private static final SimulatorProperties FAST =
            SimulatorProperties.defaults().withReportDelay(Duration.ofMillis(1));

    private final Queue<DeliveryReport> reports = new ConcurrentLinkedQueue<>();
    private final List<SimulatedSmsGateway> gateways = new ArrayList<>();

    @AfterEach
    void closeGateways() {
        gateways.forEach(SimulatedSmsGateway::close);
    }

    @Test
    void acceptedMessageGetsAnIdShapedLikeTwilios() {
        SendOutcome outcome = gateway(FAST).send(sms("msg-1", MOBILE));

        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.Accepted.class, accepted -> {
            assertThat(accepted.providerMessageId()).matches("SM[0-9a-f]{32}");
            assertThat(accepted.acceptedAt()).isNotNull();
        });
    }

    @Test
    void acceptedMessageIsReportedSentThenWithItsFinalStatus() {
        SimulatedSmsGateway gateway = gateway(FAST.withOutcomeRates(0.3, 0.2, 0, 0));
        List<String> ids = ids(100);
        Map<String, String> providerIds = ids.stream()
                .collect(Collectors.toMap(
                        id -> id, id -> ((SendOutcome.Accepted) gateway.send(sms(id, MOBILE))).providerMessageId()));

        await().atMost(Duration.ofSeconds(10)).until(() -> reports.size() == 2 * ids.size());

        for (String id : ids) {
            List<DeliveryReport> ofMessage =
                    reports.stream().filter(r -> r.messageId().equals(id)).toList();
            SimulatedFate fate = gateway.fateOf(id, MOBILE);
            assertThat(ofMessage)
                    .extracting(DeliveryReport::carrierStatus)
                    .containsExactly("sent", fate.carrierStatus());
            assertThat(ofMessage.get(0).errorCode()).isNull();
            assertThat(ofMessage.get(1).errorCode()).isEqualTo(fate.errorCode());
            assertThat(ofMessage).allMatch(r -> r.providerMessageId().equals(providerIds.get(id)));
            assertThat(ofMessage.get(1).occurredAt())
                    .isAfterOrEqualTo(ofMessage.get(0).occurredAt());
        }
    }

    @Test
    void undeliveredMessagesCarryAThirtyThousandCode() {
        SimulatedSmsGateway gateway = gateway(FAST.withOutcomeRates(1, 0, 0, 0));
        gateway.send(sms("msg-1", MOBILE));

        await().atMost(Duration.ofSeconds(10)).until(() -> reports.size() == 2);

        assertThat(reports).last().satisfies(last -> {
            assertThat(last.carrierStatus()).isEqualTo("undelivered");
            assertThat(last.errorCode()).matches("3000[3-7]");
        });
    }

    @Test
    void outcomeMixFollowsTheConfiguredRatesOverTwoThousandMessages() {
        SimulatedSmsGateway gateway =
                gateway(FAST.withOutcomeRates(0.05, 0.02, 0.03, 0.04).withSeed(42));
        int messages = 2_000;
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (String id : ids(messages)) {
            SendOutcome outcome = gateway.send(sms(id, MOBILE));
            Outcome kind = outcome instanceof SendOutcome.Rejected
                    ? Outcome.REJECTED
                    : outcome instanceof SendOutcome.TransientFailure
                            ? Outcome.TRANSIENT_FAILURE
                            : gateway.fateOf(id, MOBILE).outcome();
            counts.merge(kind, 1, Integer::sum);
        }
        int accepted = messages - counts.get(Outcome.REJECTED) - counts.get(Outcome.TRANSIENT_FAILURE);

        assertThat(counts.get(Outcome.REJECTED)).isCloseTo(60, withinBinomialNoise(messages, 0.03));
        assertThat(counts.get(Outcome.TRANSIENT_FAILURE)).isCloseTo(78, withinBinomialNoise(messages, 0.04));
        assertThat(counts.get(Outcome.UNDELIVERED))
                .isCloseTo((int) (accepted * 0.05), withinBinomialNoise(accepted, 0.05));
        assertThat(counts.get(Outcome.FAILED)).isCloseTo((int) (accepted * 0.02), withinBinomialNoise(accepted, 0.02));

        await().atMost(Duration.ofSeconds(20)).until(() -> reports.size() == 2 * accepted);
        assertThat(reports.stream().filter(r -> r.carrierStatus().equals("undelivered")))
                .hasSize(counts.get(Outcome.UNDELIVERED));
        assertThat(reports.stream().filter(r -> r.carrierStatus().equals("failed")))
                .hasSize(counts.get(Outcome.FAILED));
    }

    @Test
    void twilioMagicNumbersAreRefusedWithTwiliosCodes() {
        SimulatedSmsGateway gateway = gateway(FAST);

        assertThat(gateway.send(sms("msg-1", SimulatedSmsGateway.INVALID_NUMBER)))
                .isInstanceOfSatisfying(SendOutcome.Rejected.class, r -> assertThat(r.errorCode())
                        .isEqualTo("21211"));
        assertThat(gateway.send(sms("msg-2", SimulatedSmsGateway.NOT_A_MOBILE)))
                .isInstanceOfSatisfying(SendOutcome.Rejected.class, r -> assertThat(r.errorCode())
                        .isEqualTo("21614"));
        assertThat(gateway.send(sms("msg-3", SimulatedSmsGateway.OPTED_OUT)))
                .isInstanceOfSatisfying(SendOutcome.Rejected.class, r -> {
                    assertThat(r.errorCode()).isEqualTo("21610");
                    assertThat(r.reason()).contains("opted out");
                });
    }

    @Test
    void refusedMessagesAreNeverReportedOn() {
        SimulatedSmsGateway gateway = gateway(FAST);
        gateway.send(sms("msg-1", SimulatedSmsGateway.INVALID_NUMBER));
        gateway.send(sms("msg-2", MOBILE));

        await().atMost(Duration.ofSeconds(10)).until(() -> reports.size() == 2);

        assertThat(reports).extracting(DeliveryReport::messageId).containsOnly("msg-2");
    }

    @Test
    void sameSeedGivesEachMessageTheSameFate() {
        SimulatorProperties mixed = FAST.withOutcomeRates(0.2, 0.2, 0.1, 0.1).withSeed(7);
        SimulatedSmsGateway first = gateway(mixed);
        SimulatedSmsGateway second = gateway(mixed);

        for (String id : ids(200)) {
            assertThat(second.fateOf(id, MOBILE)).isEqualTo(first.fateOf(id, MOBILE));
        }
    }

    @Test
    void sentMessageMeetsThePredictedFate() {
        SimulatedSmsGateway gateway =
                gateway(FAST.withOutcomeRates(0.2, 0.2, 0.1, 0.1).withSeed(7));

        for (String id : ids(200)) {
            SimulatedFate predicted = gateway.fateOf(id, MOBILE);
            SendOutcome outcome = gateway.send(sms(id, MOBILE));
            switch (predicted.outcome()) {
                case REJECTED ->
                    assertThat(outcome)
                            .isEqualTo(new SendOutcome.Rejected(
                                    predicted.errorCode(), CarrierErrors.reason(predicted.errorCode())));
                case TRANSIENT_FAILURE -> assertThat(outcome).isInstanceOf(SendOutcome.TransientFailure.class);
                default -> assertThat(outcome).isInstanceOf(SendOutcome.Accepted.class);
            }
        }
    }

    @Test
    void anotherSeedGivesADifferentMix() {
        SimulatorProperties mixed = FAST.withOutcomeRates(0.2, 0.2, 0.1, 0.1);
        SimulatedSmsGateway first = gateway(mixed.withSeed(1));
        SimulatedSmsGateway second = gateway(mixed.withSeed(2));

        assertThat(ids(200)).anyMatch(id -> !first.fateOf(id, MOBILE).equals(second.fateOf(id, MOBILE)));
    }

    @Test
    void transientFailureIsDrawnPerSubmissionSoARetryCanPass() {
        SimulatedSmsGateway gateway = gateway(FAST.withOutcomeRates(0, 0, 0, 0.5));
        String retried = ids(100).stream()
                .filter(id -> gateway.fateOf(id, MOBILE, 1).outcome() == Outcome.TRANSIENT_FAILURE)
                .filter(id -> gateway.fateOf(id, MOBILE, 2).accepted())
                .findFirst()
                .orElseThrow();

        assertThat(gateway.send(sms(retried, MOBILE))).isInstanceOf(SendOutcome.TransientFailure.class);
        assertThat(gateway.send(sms(retried, MOBILE))).isInstanceOf(SendOutcome.Accepted.class);
    }

    @Test
    void ledgerCountsEverySubmissionOfEachMessage() {
        SimulatedSmsGateway gateway = gateway(FAST);
        gateway.send(sms("msg-1", MOBILE));
        gateway.send(sms("msg-2", MOBILE));
        gateway.send(sms("msg-2", MOBILE));
        gateway.send(sms("msg-3", SimulatedSmsGateway.INVALID_NUMBER));

        assertThat(gateway.submissions("msg-1")).isEqualTo(1);
        assertThat(gateway.submissions("msg-2")).isEqualTo(2);
        assertThat(gateway.submissions("msg-3")).isEqualTo(1);
        assertThat(gateway.submissions("never-sent")).isZero();
        assertThat(gateway.totalSubmissions()).isEqualTo(4);
        assertThat(gateway.submissionsByMessage()).isEqualTo(Map.of("msg-1", 1, "msg-2", 2, "msg-3", 1));
    }

    @Test
    void reportThreadsAreDaemonsAndStopWhenTheGatewayCloses() {
        SimulatedSmsGateway gateway = gateway(SimulatorProperties.defaults().withReportDelay(Duration.ofHours(1)));
        gateway.send(sms("msg-1", MOBILE));

        assertThat(simulatorThreads()).isNotEmpty().allMatch(Thread::isDaemon);

        closeGateways();

        await().atMost(Duration.ofSeconds(10)).until(() -> simulatorThreads().isEmpty());
        assertThat(reports).isEmpty();
    }

    @Test
    void lostAnswerIsAmbiguousButTheCarrierHasTheMessageAndFindsIt() {
        SimulatedSmsGateway gateway = gateway(FAST.withLostAnswers(0, 1));

        SendOutcome outcome = gateway.send(sms("msg-1", MOBILE));

        assertThat(outcome).isInstanceOf(SendOutcome.Ambiguous.class);
        assertThat(gateway.find(sms("msg-1", MOBILE), java.time.Instant.EPOCH)).isPresent();
        assertThat(gateway.acceptances("msg-1")).isOne();
    }

    @Test
    void timeoutIsAmbiguousAndTheCarrierHasNothing() {
        SimulatedSmsGateway gateway = gateway(FAST.withLostAnswers(1, 0));

        SendOutcome outcome = gateway.send(sms("msg-1", MOBILE));

        assertThat(outcome).isInstanceOf(SendOutcome.Ambiguous.class);
        assertThat(gateway.find(sms("msg-1", MOBILE), java.time.Instant.EPOCH)).isEmpty();
        assertThat(gateway.acceptances("msg-1")).isZero();
        assertThat(gateway.submissions("msg-1")).isOne();
    }

    @Test
    void lostAnswersFollowTheConfiguredRatesOverTwoThousandSubmissions() {
        SimulatedSmsGateway gateway = gateway(FAST.withLostAnswers(0.1, 0.05).withSeed(5));
        int timedOut = 0;
        int ambiguousButAccepted = 0;
        for (String id : ids(2_000)) {
            SendOutcome outcome = gateway.send(sms(id, MOBILE));
            if (outcome instanceof SendOutcome.Ambiguous) {
                if (gateway.acceptances(id) == 1) {
                    ambiguousButAccepted++;
                } else {
                    timedOut++;
                }
            }
        }

        assertThat(timedOut).isCloseTo(200, withinBinomialNoise(2_000, 0.1));
        assertThat(ambiguousButAccepted).isCloseTo(90, withinBinomialNoise(1_800, 0.05));
    }

    @Test
    void carrierMemoryInALedgerFileSurvivesARestartOfTheApplication(@TempDir Path dir) {
        Path file = dir.resolve("carrier.tsv");
        SimulatedSmsGateway before = gateway(FAST.withLedgerFile(file));
        SendOutcome.Accepted accepted = (SendOutcome.Accepted) before.send(sms("msg-1", MOBILE));
        before.send(sms("msg-2", SimulatedSmsGateway.INVALID_NUMBER));
        before.close();

        SimulatedSmsGateway after = gateway(FAST.withLedgerFile(file));

        assertThat(after.find(sms("msg-1", MOBILE), java.time.Instant.EPOCH))
                .get()
                .extracting(SendOutcome.Accepted::providerMessageId)
                .isEqualTo(accepted.providerMessageId());
        assertThat(after.currentStatus(accepted.providerMessageId(), "msg-1"))
                .get()
                .extracting(DeliveryReport::carrierStatus)
                .isEqualTo(after.fateOf("msg-1", MOBILE).carrierStatus());
        assertThat(after.submissions("msg-2")).isOne();
        assertThat(SimulatorLedgerFile.acceptancesPerMessage(file)).isEqualTo(Map.of("msg-1", 1));
    }

    private SimulatedSmsGateway gateway(SimulatorProperties properties) {
        SimulatedSmsGateway gateway = new SimulatedSmsGateway(properties, reports::add);
        gateways.add(gateway);
        return gateway;
    }

    private static List<Thread> simulatorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith("sms-simulator-"))
                .toList();
    }

    private static Offset<Integer> withinBinomialNoise(int trials, double rate) {
        // Four standard deviations: the mix is seeded, so this guards the rates, not luck.
        return within((int) Math.ceil(4 * Math.sqrt(trials * rate * (1 - rate))) + 1);
    }

    private static List<String> ids(int count) {
        return IntStream.range(0, count).mapToObj(i -> "msg-" + i).toList();
    }

    private static OutboundSms sms(String messageId, String to) {
        return new OutboundSms(messageId, "practice-1", to, "Please call the practice.", 1);
    }
}
