package com.clientsms.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientsms.app.ClientSmsApplication;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An application with a small send rate limit, started twice on the same data: a key's answer survives the restart,
 * and the limit answers 429 with Retry-After.
 */
class IdempotencyAndRateLimitAcrossRestartTest {

    @Test
    void aKeyIsRememberedAcrossARestartAndTheRateLimitAnswers429WithRetryAfter() {
        Path dataDir = Path.of("target", "it", "idempotency-restart-" + UUID.randomUUID());
        String key = UUID.randomUUID().toString();
        Map<String, String> request = Map.of("body", "Sent once, even across a restart.");
        Http.Response first;
        try (ConfigurableApplicationContext app = start(dataDir)) {
            Http practitioner = Http.as(baseUrl(app), "practitioner1");
            awaitDemoData(practitioner);
            first = practitioner
                    .withHeader("Idempotency-Key", key)
                    .postJson("/api/clients/harbour-client-01/messages", request);
            assertThat(first.status()).isEqualTo(202);

            Http admin = Http.as(baseUrl(app), "admin");
            for (int i = 0; i < 3; i++) {
                assertThat(admin.postJson("/api/broadcasts", Map.of("body", "Notice " + i))
                                .status())
                        .isEqualTo(202);
            }
            Http.Response limited =
                    admin.postJson("/api/clients/harbour-client-01/messages", Map.of("body", "One too many"));
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.contentType()).startsWith("application/problem+json");
            assertThat(limited.detail()).contains("3 send requests a minute");
            assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
            assertThat(messagesRequested(app, "One too many")).isZero();
            assertThat(practitioner.get("/api/clients").status())
                    .as("reading is not limited")
                    .isEqualTo(200);
        }
        try (ConfigurableApplicationContext app = start(dataDir)) {
            Http practitioner = Http.as(baseUrl(app), "practitioner1");
            awaitDemoData(practitioner);

            Http.Response retry = practitioner
                    .withHeader("Idempotency-Key", key)
                    .postJson("/api/clients/harbour-client-01/messages", request);

            assertThat(retry.status()).isEqualTo(202);
            assertThat(retry.json()).isEqualTo(first.json());
            assertThat(messagesRequested(app, request.get("body")))
                    .as("requested once, before the restart")
                    .isEqualTo(1);
        }
    }

    /** By body: the broadcasts' messages are requested by the fan-out meanwhile, so a total would move on its own. */
    private static long messagesRequested(ConfigurableApplicationContext app, String body) {
        return app.getBean(JdbcTemplate.class)
                .queryForObject(
                        "SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%.MessageRequested'"
                                + " AND convert_from(payload, 'UTF8')::jsonb ->> 'body' = ?",
                        Long.class, body);
    }

    private static void awaitDemoData(Http http) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> http.get("/api/clients").status() == 200
                        && http.get("/api/clients").json().size() > 0);
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(ClientSmsApplication.class)
                .run(
                        "--server.port=0",
                        "--clientsms.data-dir=" + dataDir,
                        "--clientsms.embedded.postgres.durable=false",
                        "--clientsms.simulator.report-delay=20ms",
                        "--clientsms.rate-limit.sends-per-minute=3");
    }

    private static String baseUrl(ConfigurableApplicationContext context) {
        return "http://localhost:"
                + ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
