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
 * The delivery saga's batches make one carrier call per message in a row; Axon's default (interrupt an event
 * processor's unit of work after 60 s) would roll a batch back again and again with a slow carrier. The shipped
 * settings must reach Axon under the processor's exact name (mixed case, which needs the bracket form).
 */
class ProcessorTimeoutsTest {

    @Test
    void theDeliverySagaMayTakeFarLongerThanAxonsDefaultWhileProjectionsKeepIt() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new PropertiesPropertySourceLoader()
                .load("application", new ClassPathResource("application.properties"))
                .forEach(source -> environment.getPropertySources().addLast(source));
        TimeoutProperties timeouts = Binder.get(environment)
                .bind("axon.timeout", TimeoutProperties.class)
                .orElseGet(TimeoutProperties::new);

        TaskTimeoutSettings saga = timeouts.getTransaction().getEventProcessor().get("SmsDeliverySagaProcessor");
        assertThat(saga)
                .as("settings for the saga's processor, by its exact name")
                .isNotNull();
        assertThat(saga.getTimeoutMs()).isGreaterThanOrEqualTo(30 * 60 * 1000);
        assertThat(saga.getWarningThresholdMs()).isEqualTo(120_000);
        assertThat(timeouts.getTransaction().getEventProcessor()).containsOnlyKeys("SmsDeliverySagaProcessor");
        assertThat(timeouts.getTransaction().getEventProcessors().getTimeoutMs())
                .isEqualTo(60_000);
    }
}
