package com.clientsms.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

/** The JSON log formats are masked like the plain one: message, MDC values and exceptions alike. */
class JsonLogsMaskingTest {

    @ParameterizedTest
    @ValueSource(strings = {"ecs", "logstash"})
    void aNumberInAJsonLineIsMaskedAndTheLineStaysValidJson(String format) throws Exception {
        LoggerContext context = new LoggerContext();
        context.putObject(Environment.class.getName(), new MockEnvironment());
        StructuredLogEncoder json = new StructuredLogEncoder();
        json.setContext(context);
        json.setFormat(format);
        json.start();
        MaskingEncoder masking = new MaskingEncoder(json);
        masking.setContext(context);
        masking.start();
        LoggingEvent event = new LoggingEvent(
                getClass().getName(),
                context.getLogger("test"),
                Level.WARN,
                "Carrier refused +61491570156",
                new IllegalStateException("to 0491 570 156"),
                null);
        event.setMDCPropertyMap(Map.of("correlationId", "req-1", "to", "+61491570156"));

        String line = new String(masking.encode(event), StandardCharsets.UTF_8);

        assertThat(line)
                .doesNotContain("491570156")
                .doesNotContain("491 570 156")
                .contains("+614*****156");
        JsonNode parsed = new ObjectMapper().readTree(line);
        assertThat(parsed.toString()).contains("req-1");
    }
}
