package com.clientsms.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clientsms.app.ClientSmsApplication;
import com.clientsms.app.api.Http;
import com.clientsms.saga.gateway.simulator.SimulatedSmsGateway;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What an operator sees of a running instance: health for the probes, Prometheus metrics for the scraper (no sign-in),
 * nothing else without one, and JSON logs in which a message's lines from request to final status share one
 * correlation id and show neither the number nor the body. The simulator fails half of the submissions transiently,
 * so retries and gateway error codes show up.
 */
@ExtendWith(OutputCaptureExtension.class)
@AutoConfigureObservability(tracing = false)
// Its JSON logging would otherwise stay on for the rest of the JVM's tests while the context is cached.
@DirtiesContext
@SpringBootTest(
        classes = ClientSmsApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "clientsms.embedded.postgres.durable=false",
            // Reports follow the acceptance at once, so callbacks often arrive before the saga has recorded it: the
            // correlation id must still follow the message.
            "clientsms.simulator.report-delay=0ms",
            "clientsms.simulator.undelivered-rate=0",
            "clientsms.simulator.failed-rate=0",
            "clientsms.simulator.transient-failure-rate=0.5",
            "clientsms.delivery.retry.max-attempts=12",
            "clientsms.delivery.retry.initial-backoff=20ms",
            "clientsms.delivery.retry.max-backoff=100ms",
            "clientsms.rate-limit.sends-per-minute=1000",
            "logging.structured.format.console=ecs",
            "logging.level.com.clientsms=DEBUG"
        })
class ObservabilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A store of its own each run: the counters start at zero with the context, and a store left by an earlier run
     * would resume that run's unfinished deliveries and count them under the same practice and audience.
     */
    private static final String DATA_DIR = "target/it/observability-" + UUID.randomUUID();

    @DynamicPropertySource
    static void freshStore(DynamicPropertyRegistry registry) {
        registry.add("clientsms.data-dir", () -> DATA_DIR);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SimulatedSmsGateway simulator;

    @BeforeEach
    void demoDataLoaded() {
        await().atMost(Duration.ofSeconds(90))
                .until(() -> as("admin").get("/api/clients").status() == 200
                        && as("admin").get("/api/clients").json().size() >= 40);
    }

    @Test
    void probesAndMetricsAnswerWithoutSignInAndOtherActuatorEndpointsDoNot() {
        Http anonymous = Http.anonymous(baseUrl());
        assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
        Http.Response readiness = anonymous.get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asText()).isEqualTo("UP");
        assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(200);

        assertThat(anonymous.get("/actuator/info").status()).isEqualTo(401);
        assertThat(as("practitioner1").get("/actuator/info").status()).isEqualTo(200);
    }

    @Test
    void aBroadcastShowsInTheMessageGatewayRetryProcessorAndBroadcastMetrics() {
        double retriesBefore = sum(scrape(), "clientsms_delivery_retries_total", Map.of());
        Http.Response broadcast = as("admin")
                .postJson("/api/groups/harbour-group-mindfulness/messages", Map.of("body", "Group moves to room 4."));
        assertThat(broadcast.status()).isEqualTo(202);
        String broadcastId = broadcast.json().get("broadcastId").asText();
        int targeted = broadcast.json().get("targeted").asInt();
        Map<String, String> group = Map.of("audience", "group", "practice", "practice-harbour");

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            String now = scrape();
            assertThat(sum(now, "clientsms_messages_delivered_total", group))
                    .as("delivered so far:%n%s", messageLines(now))
                    .isGreaterThanOrEqualTo(targeted);
            // An acceptance whose answer is overtaken by the delivery report is still recorded, a moment later.
            assertThat(sum(now, "clientsms_messages_accepted_total", group))
                    .as("accepted so far:%n%s", messageLines(now))
                    .isGreaterThanOrEqualTo(targeted);
        });
        String metrics = scrape();

        assertThat(sum(metrics, "clientsms_messages_requested_total", group)).isEqualTo(targeted);
        assertThat(sum(metrics, "clientsms_messages_accepted_total", group))
                .as("each message accepted once, even when its delivery report came first")
                .isEqualTo(targeted);
        assertThat(sum(
                        metrics,
                        "clientsms_gateway_latency_seconds_count",
                        Map.of("operation", "send", "outcome", "accepted")))
                .isGreaterThanOrEqualTo(targeted);
        long resubmissions = resubmissionsOf(broadcastId);
        assertThat(resubmissions).as("the simulator failed some submissions").isPositive();
        assertThat(sum(metrics, "clientsms_delivery_retries_total", Map.of()) - retriesBefore)
                .isEqualTo(resubmissions);
        assertThat(sum(metrics, "clientsms_gateway_errors_total", Map.of("operation", "send")))
                .as("every resubmission follows a transient failure, counted by its carrier code")
                .isGreaterThanOrEqualTo(resubmissions);
        assertThat(metrics).containsPattern("clientsms_gateway_errors_total\\{[^}]*code=\"(20429|503)\"");
        assertThat(metrics)
                .containsPattern("clientsms_processor_lag_events\\{[^}]*processing_group=\"client-history\"")
                .containsPattern("clientsms_processor_segments\\{[^}]*processing_group=\"SmsDeliverySagaProcessor\"")
                .contains("clientsms_broadcasts_open")
                .contains("clientsms_broadcasts_pending_messages");
    }

    @Test
    void aMessagesLogLinesShareTheRequestsCorrelationIdAndShowNoNumberOrBody(CapturedOutput output) throws Exception {
        String correlationId = "req-" + UUID.randomUUID();
        String body = "Your appointment moved to Thursday " + UUID.randomUUID();
        Http.Response sent = as("practitioner1")
                .withHeader("X-Correlation-Id", correlationId)
                .postJson("/api/clients/harbour-client-01/messages", Map.of("body", body));
        assertThat(sent.status()).isEqualTo(202);
        assertThat(sent.header("X-Correlation-Id")).isEqualTo(correlationId);
        String messageId = sent.json().get("messageId").asText();
        String mobile = jdbc.queryForObject(
                "SELECT mobile FROM directory_client WHERE client_id = 'harbour-client-01'", String.class);

        await().atMost(Duration.ofSeconds(60))
                .until(() -> output.getOut().contains("Message " + messageId + " ended delivered"));

        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.getOut().split("\n")) {
            if (line.contains(messageId)) {
                lines.add(JSON.readTree(line));
            }
        }
        assertThat(lines)
                .extracting(line -> line.path("log").path("logger").asText())
                .as("lines from the request, the gateway and the final status")
                .anyMatch(logger -> logger.endsWith("DeliveryMetrics"))
                .anyMatch(logger -> logger.endsWith("SimulatedSmsGateway"))
                .anyMatch(logger -> logger.endsWith("TwilioStatusWebhook"));
        assertThat(lines)
                .extracting(line -> line.path("correlationId").asText())
                .containsOnly(correlationId);
        assertThat(lines).extracting(line -> line.path("messageId").asText()).containsOnly(messageId);
        String all = String.join("\n", lines.stream().map(JsonNode::toString).toList());
        assertThat(all).doesNotContain(body).doesNotContain(mobile).doesNotContain(mobile.substring(1));
    }

    private long resubmissionsOf(String broadcastId) {
        List<String> ids = jdbc.queryForList(
                "SELECT convert_from(payload, 'UTF8')::jsonb ->> 'messageId' FROM domainevententry"
                        + " WHERE payloadtype LIKE '%.MessageRequested'"
                        + " AND convert_from(payload, 'UTF8')::jsonb ->> 'broadcastId' = ?",
                String.class, broadcastId);
        assertThat(ids).isNotEmpty();
        return ids.stream()
                .mapToLong(id -> Math.max(0, simulator.submissions(id) - 1))
                .sum();
    }

    private static String messageLines(String metrics) {
        return String.join(
                "\n",
                metrics.lines()
                        .filter(line -> line.startsWith("clientsms_messages"))
                        .toList());
    }

    private String scrape() {
        Http.Response response = Http.anonymous(baseUrl()).get("/actuator/prometheus");
        assertThat(response.status()).isEqualTo(200);
        return response.text();
    }

    /** The sum of a metric's samples whose labels include all the given ones. */
    private static double sum(String metrics, String name, Map<String, String> labels) {
        Pattern sample =
                Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([0-9.eE+-]+)$", Pattern.MULTILINE);
        Matcher matcher = sample.matcher(metrics);
        double total = 0;
        while (matcher.find()) {
            String found = matcher.group(1) == null ? "" : matcher.group(1);
            if (labels.entrySet().stream().allMatch(l -> found.contains(l.getKey() + "=\"" + l.getValue() + "\""))) {
                total += Double.parseDouble(matcher.group(2));
            }
        }
        return total;
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }

    private Http as(String username) {
        return Http.as(baseUrl(), username);
    }
}
