package com.clientsms.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientsms.app.ClientSmsApplication;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** When the carrier cannot deliver, the history says so with the carrier's raw code and a reason a person reads. */
@SpringBootTest(
        classes = ClientSmsApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "clientsms.data-dir=target/e2e/failed-delivery",
            "clientsms.embedded.postgres.durable=false",
            "clientsms.simulator.report-delay=20ms",
            "clientsms.simulator.undelivered-rate=0",
            "clientsms.simulator.failed-rate=1"
        })
class FailedDeliveryScenarioTest {

    @LocalServerPort
    int port;

    @Test
    void historyShowsTheFailureWithCodeAndReason() {
        Api practitioner = Api.as("http://localhost:" + port, "practitioner1");

        String messageId = practitioner
                .send(SendingScenarios.OWN_CLIENT, "Reminder: bring your worksheet.")
                .getBody()
                .get("messageId")
                .asText();

        JsonNode message =
                SendingScenarios.awaitHistoryItem(practitioner, SendingScenarios.OWN_CLIENT, messageId, "failed");
        assertThat(message.get("reason").asText()).isNotBlank();
        assertThat(message.get("errorCode").asText()).isNotBlank();
        JsonNode last = message.get("timeline").get(message.get("timeline").size() - 1);
        assertThat(last.get("status").asText()).isEqualTo("failed");
        assertThat(last.get("code").asText()).isEqualTo(message.get("errorCode").asText());
    }
}
