package com.clientsms.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clientsms.app.ClientSmsApplication;
import com.clientsms.saga.gateway.simulator.SimulatedSmsGateway;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

/**
 * The read side's users over HTTP against the running application: compliance officers audit and verify the trail,
 * administrators follow a broadcast as it drains and resend its failures, operators rebuild a read model while it
 * keeps serving, and every reading endpoint answers each role as it should.
 */
@SpringBootTest(
        classes = ClientSmsApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "clientsms.data-dir=target/e2e/read-side-scenarios",
            "clientsms.embedded.postgres.durable=false",
            "clientsms.simulator.report-delay=20ms",
            "clientsms.simulator.undelivered-rate=0.2",
            "clientsms.simulator.failed-rate=0.3",
            "clientsms.audit.chain.interval=200ms",
            "clientsms.audit.chain.gap-timeout=2s"
        })
class ReadSideScenariosTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SimulatedSmsGateway gateway;

    Api practitioner1;
    Api admin;
    Api superuser;
    Api compliance;
    Api admin2;

    @BeforeEach
    void signIn() {
        String base = "http://localhost:" + port;
        practitioner1 = Api.as(base, "practitioner1");
        admin = Api.as(base, "admin");
        superuser = Api.as(base, "superuser");
        compliance = Api.as(base, "compliance");
        admin2 = Api.as(base, "admin2");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> admin.get("/api/clients").getStatusCode().is2xxSuccessful()
                        && admin.get("/api/clients").getBody().size() >= 40);
    }

    @Test
    void administratorWatchesABroadcastDrainAndResendsItsFailuresAsALinkedBroadcast() {
        String broadcastId = admin.post("/api/broadcasts", Map.of("body", "Closed on Friday."))
                .getBody()
                .get("broadcastId")
                .asText();

        JsonNode outcome = awaitDrained(admin, broadcastId);
        JsonNode counts = outcome.get("counts");
        long failures =
                counts.get("failed").asLong() + counts.get("undelivered").asLong();
        assertThat(counts.get("delivered").asLong() + failures)
                .isEqualTo(outcome.get("targeted").asLong());
        assertThat(outcome.get("sender").asText()).isEqualTo("admin");
        assertThat(outcome.get("body").asText()).isEqualTo("Closed on Friday.");
        assertThat(outcome.get("skipped")).isNotEmpty().allSatisfy(skipped -> assertThat(
                        skipped.get("reason").asText())
                .isNotBlank());
        assertThat(outcome.get("failures")).hasSize((int) failures).allSatisfy(failure -> {
            assertThat(failure.get("code").asText()).startsWith("30");
            assertThat(failure.get("reason").asText()).isNotBlank();
            assertThat(failure.get("clientName").asText()).isNotBlank();
        });
        assertThat(failures).as("the simulator fails half of the messages").isPositive();
        assertThat(admin.get("/api/broadcasts?page=0&size=100")
                        .getBody()
                        .get("items")
                        .toString())
                .contains(broadcastId);

        assertThat(practitioner1
                        .post("/api/broadcasts/" + broadcastId + "/resend-failed", Map.of())
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(compliance
                        .post("/api/broadcasts/" + broadcastId + "/resend-failed", Map.of())
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(admin2.post("/api/broadcasts/" + broadcastId + "/resend-failed", Map.of())
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<JsonNode> resent = admin.post("/api/broadcasts/" + broadcastId + "/resend-failed", Map.of());

        assertThat(resent.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(resent.getBody().get("targeted").asLong()
                        + resent.getBody().get("skipped").size())
                .isEqualTo(failures);
        String resendId = resent.getBody().get("broadcastId").asText();
        JsonNode resend = awaitDrained(admin, resendId);
        assertThat(resend.get("resendOf").asText()).isEqualTo(broadcastId);
        assertThat(resend.get("body").asText()).isEqualTo("Closed on Friday.");
    }

    @Test
    void broadcastWithoutFailuresHasNothingToResend() {
        // A group of one inactive client: the broadcast targets nobody, so nothing can have failed.
        String groupId = admin.post(
                        "/api/groups",
                        Map.of("name", "Inactive only", "memberIds", java.util.List.of("harbour-client-07")))
                .getBody()
                .get("id")
                .asText();
        String broadcastId = admin.post("/api/groups/" + groupId + "/messages", Map.of("body", "Hi"))
                .getBody()
                .get("broadcastId")
                .asText();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> admin.get("/api/broadcasts/" + broadcastId).getStatusCode() == HttpStatus.OK);

        ResponseEntity<JsonNode> response = admin.post("/api/broadcasts/" + broadcastId + "/resend-failed", Map.of());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody().get("detail").asText()).contains("nothing to resend");
        assertThat(admin.post("/api/broadcasts/no-such-broadcast/resend-failed", Map.of())
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void complianceOfficerAuditsEveryMessageWithNumbersInClearAndAdminsSeeThemMasked() {
        String messageId = practitioner1
                .send("harbour-client-01", "Audit me, please.")
                .getBody()
                .get("messageId")
                .asText();

        JsonNode entry = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> find(compliance.get("/api/audit?clientId=harbour-client-01&size=100"), messageId),
                        found -> found != null && !found.get("status").asText().matches("requested|accepted|sent"));
        assertThat(entry.get("senderUsername").asText()).isEqualTo("practitioner1");
        assertThat(entry.get("senderRole").asText()).isEqualTo("PRACTITIONER");
        assertThat(entry.get("audience").asText()).isEqualTo("client");
        assertThat(entry.get("to").asText()).matches("\\+61\\d{9}");
        assertThat(entry.get("timeline").size()).isGreaterThanOrEqualTo(3);
        JsonNode asAdmin = find(admin.get("/api/audit?clientId=harbour-client-01&size=100"), messageId);
        assertThat(asAdmin.get("to").asText()).contains("*");
        assertThat(find(admin2.get("/api/audit?size=100"), messageId)).isNull();
        assertThat(practitioner1.get("/api/audit").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<String> csv = raw("compliance", "/api/audit/export?format=csv&sender=practitioner1");
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getBody())
                .startsWith("messageId,requestedAt,senderUsername")
                .contains(messageId);
        ResponseEntity<String> json = raw("admin", "/api/audit/export?format=json&clientId=harbour-client-01");
        assertThat(json.getBody()).startsWith("[").endsWith("]").contains(messageId);
    }

    @Test
    void auditTrailVerifiesAndNamesAnEventAlteredInTheEventStore() {
        practitioner1.send("harbour-client-03", "Chain me.");
        Map<String, Object> row = jdbc.queryForMap(
                "select globalindex, eventidentifier, payload from domainevententry"
                        + " where payloadtype like '%.MessageRequested' and convert_from(payload, 'UTF8') like ?"
                        + " order by globalindex desc limit 1",
                "%Chain me.%");
        long globalIndex = ((Number) row.get("globalindex")).longValue();
        // Altered only once the chain has recorded it: an event altered before that is chained as it then reads.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode result = compliance.get("/api/audit/verify").getBody();
            assertThat(result.get("valid").asBoolean()).isTrue();
            assertThat(result.get("chainedUpTo").asLong()).isGreaterThanOrEqualTo(globalIndex);
        });
        byte[] original = (byte[]) row.get("payload");
        try {
            jdbc.update(
                    "update domainevententry set payload = ? where globalindex = ?",
                    new String(original, StandardCharsets.UTF_8)
                            .replace("Chain me.", "Changed!!")
                            .getBytes(StandardCharsets.UTF_8),
                    globalIndex);

            JsonNode result = compliance.get("/api/audit/verify").getBody();

            assertThat(result.get("valid").asBoolean()).isFalse();
            assertThat(result.get("firstBadEvent").get("globalIndex").asLong()).isEqualTo(globalIndex);
            assertThat(result.get("firstBadEvent").get("eventIdentifier").asText())
                    .isEqualTo(row.get("eventidentifier"));
            assertThat(result.get("firstBadEvent").get("problem").asText()).isEqualTo("altered");
            assertThat(admin2.get("/api/audit/verify").getBody().get("valid").asBoolean())
                    .isTrue();
        } finally {
            jdbc.update("update domainevententry set payload = ? where globalindex = ?", original, globalIndex);
        }
        assertThat(compliance.get("/api/audit/verify").getBody().get("valid").asBoolean())
                .isTrue();
    }

    @Test
    void superuserRebuildsTheHistoryWhileItKeepsAnsweringAndNothingIsSentAgain() {
        String messageId = practitioner1
                .send("harbour-client-05", "Before the rebuild")
                .getBody()
                .get("messageId")
                .asText();
        String status = SendingScenarios.awaitFinalHistoryItem(practitioner1, "harbour-client-05", messageId)
                .get("status")
                .asText();
        assertThat(admin.post("/api/admin/projections/client-history/rebuild", Map.of())
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<JsonNode> started = superuser.post("/api/admin/projections/client-history/rebuild", Map.of());

        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(practitioner1
                            .get("/api/clients/harbour-client-05/messages")
                            .getStatusCode())
                    .isEqualTo(HttpStatus.OK);
            JsonNode history = state(superuser.get("/api/admin/projections").getBody(), "client-history");
            assertThat(history.get("state").asText()).isEqualTo("live");
            assertThat(history.get("lastRebuild").get("outcome").asText()).isEqualTo("swapped");
        });
        assertThat(SendingScenarios.awaitHistoryItem(practitioner1, "harbour-client-05", messageId, status)
                        .get("timeline")
                        .size())
                .isEqualTo(4);
        assertThat(gateway.submissionsByMessage().values())
                .allSatisfy(count -> assertThat(count).as("sends per message").isEqualTo(1));
        assertThat(superuser
                        .post("/api/admin/projections/no-such/rebuild", Map.of())
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void everyReadingEndpointAnswersEachRoleAsItShould() {
        String broadcastId = admin.post("/api/broadcasts", Map.of("body", "Visibility check"))
                .getBody()
                .get("broadcastId")
                .asText();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> admin.get("/api/broadcasts/" + broadcastId).getStatusCode() == HttpStatus.OK);
        Map<String, int[]> expected = new LinkedHashMap<>();
        // practitioner1, admin, superuser, compliance, admin2 (another practice)
        expected.put("/api/clients", new int[] {200, 200, 200, 200, 200});
        expected.put("/api/clients/harbour-client-01", new int[] {200, 200, 200, 200, 404});
        expected.put("/api/clients/harbour-client-02", new int[] {403, 200, 200, 200, 404});
        expected.put("/api/clients/harbour-client-01/messages", new int[] {200, 200, 200, 200, 404});
        expected.put("/api/clients/harbour-client-02/messages", new int[] {403, 200, 200, 200, 404});
        expected.put("/api/groups", new int[] {200, 200, 200, 200, 200});
        expected.put("/api/staff", new int[] {200, 200, 200, 200, 200});
        expected.put("/api/audit", new int[] {403, 200, 200, 200, 200});
        expected.put("/api/audit/verify", new int[] {403, 200, 200, 200, 200});
        expected.put("/api/broadcasts", new int[] {403, 200, 200, 200, 200});
        expected.put("/api/broadcasts/" + broadcastId, new int[] {403, 200, 200, 200, 404});
        expected.put("/api/admin/projections", new int[] {403, 403, 200, 403, 403});
        Api[] callers = {practitioner1, admin, superuser, compliance, admin2};
        String[] names = {"practitioner1", "admin", "superuser", "compliance", "admin2"};

        expected.forEach((path, statuses) -> {
            for (int i = 0; i < callers.length; i++) {
                ResponseEntity<JsonNode> response = callers[i].get(path);
                assertThat(response.getStatusCode().value())
                        .as("%s as %s", path, names[i])
                        .isEqualTo(statuses[i]);
                if (statuses[i] >= 400) {
                    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                }
            }
        });
        assertThat(raw("practitioner1", "/api/audit/export").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(admin2.get("/api/audit?size=100").getBody().get("items").toString())
                .doesNotContain("harbour-");
        assertThat(admin2.get("/api/broadcasts?size=100").getBody().get("items").toString())
                .doesNotContain(broadcastId);
    }

    private JsonNode awaitDrained(Api api, String broadcastId) {
        return await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> api.get("/api/broadcasts/" + broadcastId).getBody(),
                        outcome -> outcome != null
                                && outcome.has("counts")
                                && outcome.get("counts").get("requested").asLong()
                                                + outcome.get("counts")
                                                        .get("accepted")
                                                        .asLong()
                                                + outcome.get("counts")
                                                        .get("sent")
                                                        .asLong()
                                        == 0
                                && outcome.get("counts").get("delivered").asLong()
                                                + outcome.get("counts")
                                                        .get("failed")
                                                        .asLong()
                                                + outcome.get("counts")
                                                        .get("undelivered")
                                                        .asLong()
                                        == outcome.get("targeted").asLong());
    }

    private static JsonNode state(JsonNode projections, String name) {
        for (JsonNode projection : projections) {
            if (projection.get("name").asText().equals(name)) {
                return projection;
            }
        }
        throw new AssertionError("no projection " + name + " in " + projections);
    }

    private static JsonNode find(ResponseEntity<JsonNode> page, String messageId) {
        for (JsonNode item : page.getBody().get("items")) {
            if (item.get("messageId").asText().equals(messageId)) {
                return item;
            }
        }
        return null;
    }

    private ResponseEntity<String> raw(String username, String path) {
        String basic = Base64.getEncoder().encodeToString((username + ":demo").getBytes(StandardCharsets.UTF_8));
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Basic " + basic)
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build()
                .get()
                .uri(path)
                .retrieve()
                .toEntity(String.class);
    }
}
