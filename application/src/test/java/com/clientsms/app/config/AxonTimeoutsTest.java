package com.clientsms.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.axonframework.messaging.timeout.TaskTimeoutSettings;
import org.axonframework.springboot.TimeoutProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Axon interrupts work that runs longer than its defaults (a command's handler after 30 s, a unit of work after 60 s).
 * Three kinds of work here legitimately take longer: the delivery saga's batches make one carrier call per message in a
 * row, the broadcast fan-out requests a broadcast's parts one after the other, and accepting a broadcast reads and
 * records the whole audience in one command. The shipped settings must reach Axon, the
 * saga's under its processor's exact name (mixed case, which needs the bracket form).
 */
class AxonTimeoutsTest {

    @Test
    void theDeliverySagaMayTakeFarLongerThanAxonsDefaultWhileProjectionsKeepIt() throws IOException {
        TimeoutProperties timeouts = shipped();

        TaskTimeoutSettings saga = timeouts.getTransaction().getEventProcessor().get("SmsDeliverySagaProcessor");
        assertThat(saga)
                .as("settings for the saga's processor, by its exact name")
                .isNotNull();
        assertThat(saga.getTimeoutMs()).isGreaterThanOrEqualTo(30 * 60 * 1000);
        assertThat(saga.getWarningThresholdMs()).isEqualTo(120_000);
        TaskTimeoutSettings fanOut =
                timeouts.getTransaction().getEventProcessor().get("broadcast-fan-out");
        assertThat(fanOut)
                .as("settings for the broadcast fan-out's processor, which requests a broadcast's parts in one go")
                .isNotNull();
        assertThat(fanOut.getTimeoutMs()).isGreaterThanOrEqualTo(30 * 60 * 1000);
        assertThat(timeouts.getTransaction().getEventProcessor())
                .containsOnlyKeys("SmsDeliverySagaProcessor", "broadcast-fan-out");
        assertThat(timeouts.getTransaction().getEventProcessors().getTimeoutMs())
                .isEqualTo(60_000);
    }

    @Test
    void aBroadcastToALargePracticeIsNotInterruptedAtAxonsDefaults() throws IOException {
        TimeoutProperties timeouts = shipped();

        assertThat(timeouts.getHandler().getCommands().getTimeoutMs()).isGreaterThanOrEqualTo(5 * 60 * 1000);
        assertThat(timeouts.getTransaction().getCommandBus().getTimeoutMs()).isGreaterThanOrEqualTo(5 * 60 * 1000);
        assertThat(timeouts.getTransaction().getCommandBus().getWarningThresholdMs())
                .isEqualTo(30_000);
    }

    private static TimeoutProperties shipped() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new PropertiesPropertySourceLoader()
                .load("application", new ClassPathResource("application.properties"))
                .forEach(source -> environment.getPropertySources().addLast(source));
        return Binder.get(environment)
                .bind("axon.timeout", TimeoutProperties.class)
                .orElseGet(TimeoutProperties::new);
    }
}
