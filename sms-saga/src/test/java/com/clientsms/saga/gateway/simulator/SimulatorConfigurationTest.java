package com.clientsms.saga.gateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clientsms.saga.gateway.DeliveryReports;
import com.clientsms.saga.gateway.OutboundSms;
import com.clientsms.saga.gateway.SmsGateway;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SimulatorConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(SimulatorConfiguration.class)
            .withBean(DeliveryReports.class, () -> report -> {});

    @Test
    void simulatorIsTheGatewayWhenNoneIsConfigured() {
        context.run(run -> {
            assertThat(run).hasSingleBean(SmsGateway.class);
            assertThat(run.getBean(SmsGateway.class)).isInstanceOf(SimulatedSmsGateway.class);
        });
    }

    @Test
    void simulatorIsTheGatewayWhenTheTwilioAccountSidIsBlank() {
        context.withPropertyValues("TWILIO_ACCOUNT_SID= ")
                .run(run -> assertThat(run).hasSingleBean(SimulatedSmsGateway.class));
    }

    @Test
    void simulatorStepsAsideWhenATwilioAccountIsConfigured() {
        context.withPropertyValues("TWILIO_ACCOUNT_SID=AC0123456789abcdef0123456789abcdef")
                .run(run -> assertThat(run).doesNotHaveBean(SmsGateway.class));
    }

    @Test
    void defaultsDescribeAMostlySuccessfulCarrier() {
        context.run(
                run -> assertThat(run.getBean(SimulatorProperties.class)).isEqualTo(SimulatorProperties.defaults()));
    }

    @Test
    void outcomeMixAndTimingAreConfigurable() {
        context.withPropertyValues(
                        "clientsms.simulator.accept-latency=5ms",
                        "clientsms.simulator.report-delay=1s",
                        "clientsms.simulator.undelivered-rate=0.1",
                        "clientsms.simulator.failed-rate=0.2",
                        "clientsms.simulator.rejected-rate=0.3",
                        "clientsms.simulator.transient-failure-rate=0.4",
                        "clientsms.simulator.seed=99",
                        "clientsms.simulator.report-threads=4",
                        "clientsms.simulator.timeout-rate=0.05",
                        "clientsms.simulator.ambiguous-rate=0.06",
                        "clientsms.simulator.ledger-file=target/carrier.tsv")
                .run(run -> assertThat(run.getBean(SimulatorProperties.class))
                        .isEqualTo(new SimulatorProperties(
                                Duration.ofMillis(5),
                                Duration.ofSeconds(1),
                                0.1,
                                0.2,
                                0.3,
                                0.4,
                                99,
                                4,
                                0.05,
                                0.06,
                                Path.of("target/carrier.tsv"))));
    }

    @Test
    void rateOutsideZeroToOneStopsTheStartWithAReason() {
        context.withPropertyValues("clientsms.simulator.failed-rate=1.5").run(run -> assertThat(run)
                .hasFailed()
                .getFailure()
                .hasRootCauseMessage("clientsms.simulator.failed-rate must be between 0 and 1, was 1.5"));
    }

    @Test
    void reportThreadsStopWithTheContext() {
        context.run(run ->
                run.getBean(SmsGateway.class).send(new OutboundSms("msg-1", "practice-1", "+61412345678", "Hi", 1)));

        await().atMost(Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && t.getName().startsWith("sms-simulator-")));
    }
}
