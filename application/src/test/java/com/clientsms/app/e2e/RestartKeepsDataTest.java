package com.clientsms.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientsms.app.ClientSmsApplication;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stop the application and start it again on the same data directory: every message and its history is still
 * there. The read models live in memory, so this also proves they are rebuilt from the durable event store.
 */
class RestartKeepsDataTest {

    @Test
    void messagesAndHistorySurviveARestart() {
        Path dataDir = Path.of("target", "e2e", "restart-" + UUID.randomUUID());
        String messageId;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            Api practitioner = Api.as(baseUrl(first), "practitioner1");
            var response = practitioner.send(SendingScenarios.OWN_CLIENT, "See you on Monday at 10.");
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            messageId = response.getBody().get("messageId").asText();
            SendingScenarios.awaitHistoryItem(practitioner, SendingScenarios.OWN_CLIENT, messageId, "delivered");
            JdbcTemplate jdbc = new JdbcTemplate(first.getBean(DataSource.class));
            assertThat(jdbc.queryForObject("show fsync", String.class))
                    .as("the embedded default is durable")
                    .isEqualTo("on");
            assertThat(jdbc.queryForObject("show synchronous_commit", String.class))
                    .isEqualTo("on");
        }

        try (ConfigurableApplicationContext second = start(dataDir)) {
            Api practitioner = Api.as(baseUrl(second), "practitioner1");
            JsonNode message = SendingScenarios.awaitHistoryItem(
                    practitioner, SendingScenarios.OWN_CLIENT, messageId, "delivered");
            assertThat(message.get("body").asText()).isEqualTo("See you on Monday at 10.");
            assertThat(SendingScenarios.statuses(message.get("timeline")))
                    .containsExactly("requested", "accepted", "sent", "delivered");
            assertThat(SendingScenarios.list(practitioner.get("/api/clients").getBody()))
                    .as("the demo data is not loaded twice")
                    .extracting(c -> c.get("id").asText())
                    .doesNotHaveDuplicates();
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        // Passed as arguments, not builder defaults, so they win over application.properties.
        return new SpringApplicationBuilder(ClientSmsApplication.class)
                .run(
                        "--server.port=0",
                        "--clientsms.data-dir=" + dataDir,
                        "--clientsms.simulator.report-delay=20ms",
                        "--clientsms.simulator.undelivered-rate=0",
                        "--clientsms.simulator.failed-rate=0");
    }

    private static String baseUrl(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return "http://localhost:" + port;
    }
}
