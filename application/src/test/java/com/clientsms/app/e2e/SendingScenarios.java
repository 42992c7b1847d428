package com.clientsms.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The foundation's user scenarios, driven over HTTP against a running application: a practitioner texts a client
 * and watches the status move; an administrator broadcasts and texts a group; everything the domain forbids is
 * refused with a reason and records nothing. Subclasses choose the stores.
 */
abstract class SendingScenarios {

    /** Practitioner 1's own client (odd clients are theirs); client 02 belongs to practitioner 2 only. */
    static final String OWN_CLIENT = "harbour-client-01";

    static final String OTHER_PRACTITIONERS_CLIENT = "harbour-client-02";
    static final String OTHER_PRACTICES_CLIENT = "valley-client-01";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api practitioner1;
    Api admin;
    Api compliance;
    Api admin2;

    @BeforeEach
    void signIn() {
        String base = "http://localhost:" + port;
        practitioner1 = Api.as(base, "practitioner1");
        admin = Api.as(base, "admin");
        compliance = Api.as(base, "compliance");
        admin2 = Api.as(base, "admin2");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> admin.get("/api/clients").getStatusCode().is2xxSuccessful()
                        && admin.get("/api/clients").getBody().size() >= 40);
    }

    @Test
    void practitionerTextsOwnClientAndSeesItDelivered() {
        var response = practitioner1.send(OWN_CLIENT, "Hi, please call the practice on 02 9000 0000 to rebook.");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String messageId = response.getBody().get("messageId").asText();
        JsonNode message = awaitHistoryItem(practitioner1, OWN_CLIENT, messageId, "delivered");
        assertThat(message.get("body").asText()).startsWith("Hi, please call");
        assertThat(message.get("sender").asText()).isEqualTo("practitioner1");
        assertThat(message.get("requestedAt").asText()).isNotBlank();
        assertThat(statuses(message.get("timeline"))).containsExactly("requested", "accepted", "sent", "delivered");
    }

    @Test
    void historyIsNewestFirstAndPaged() {
        String first = practitioner1
                .send("harbour-client-03", "First note")
                .getBody()
                .get("messageId")
                .asText();
        String second = practitioner1
                .send("harbour-client-03", "Second note")
                .getBody()
                .get("messageId")
                .asText();
        awaitHistoryItem(practitioner1, "harbour-client-03", second, "delivered");

        JsonNode page = practitioner1
                .get("/api/clients/harbour-client-03/messages?page=0&size=1")
                .getBody();

        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("items").get(0).get("messageId").asText()).isEqualTo(second);
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(2);
        JsonNode next = practitioner1
                .get("/api/clients/harbour-client-03/messages?page=1&size=1")
                .getBody();
        assertThat(next.get("items").get(0).get("messageId").asText()).isEqualTo(first);
    }

    @Test
    void administratorBroadcastsToEveryActiveClientAndLearnsWhoWasSkipped() {
        List<JsonNode> clients = list(admin.get("/api/clients").getBody());
        long reachable = clients.stream()
                .filter(c -> c.get("active").asBoolean() && c.get("hasMobile").asBoolean())
                .count();
        Set<String> expectedSkipped = new HashSet<>();
        clients.stream()
                .filter(c -> !c.get("active").asBoolean() || !c.get("hasMobile").asBoolean())
                .forEach(c -> expectedSkipped.add(c.get("id").asText()));

        var response =
                admin.post("/api/broadcasts", Map.of("body", "The practice is closed on Friday for the holiday."));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode result = response.getBody();
        assertThat(result.get("broadcastId").asText()).isNotBlank();
        assertThat(result.get("targeted").asLong()).isEqualTo(reachable);
        Set<String> skipped = new HashSet<>();
        result.get("skipped").forEach(s -> {
            skipped.add(s.get("clientId").asText());
            assertThat(s.get("reason").asText()).isIn("inactive", "no mobile number", "opted out");
        });
        assertThat(skipped).isEqualTo(expectedSkipped).isNotEmpty();
        assertThat(reachable + skipped.size()).isEqualTo(clients.size());
    }

    @Test
    void administratorTextsAGroup() {
        JsonNode group = list(admin.get("/api/groups").getBody()).stream()
                .filter(g -> g.get("id").asText().equals("harbour-group-mindfulness"))
                .findFirst()
                .orElseThrow();

        var response =
                admin.post("/api/groups/harbour-group-mindfulness/messages", Map.of("body", "Session moved to 6pm."));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode result = response.getBody();
        assertThat(result.get("targeted").asInt() + result.get("skipped").size())
                .isEqualTo(group.get("memberIds").size());
        assertThat(result.get("skipped").size()).isPositive();
    }

    @Test
    void practicesNeverSeeOrCountEachOthersClients() {
        List<JsonNode> valley = list(admin2.get("/api/clients").getBody());
        assertThat(valley).isNotEmpty().allSatisfy(c -> assertThat(c.get("id").asText())
                .startsWith("valley-"));
        List<JsonNode> harbour = list(admin.get("/api/clients").getBody());
        assertThat(harbour).allSatisfy(c -> assertThat(c.get("id").asText()).startsWith("harbour-"));

        var broadcast = admin2.post("/api/broadcasts", Map.of("body", "Valley news"));
        assertThat(broadcast.getBody().get("targeted").asInt()
                        + broadcast.getBody().get("skipped").size())
                .isEqualTo(valley.size());
        assertThat(admin2.get("/api/clients/" + OWN_CLIENT + "/messages").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void practitionerSeesOnlyOwnClients() {
        List<JsonNode> mine = list(practitioner1.get("/api/clients").getBody());

        assertThat(mine)
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.get("practitioners").toString()).contains("practitioner1"));
        assertThat(mine).allSatisfy(c -> assertThat(
                        c.get("mobile") == null || !c.get("mobile").asText().matches(".*\\d{4,}.*"))
                .as("mobile numbers are masked")
                .isTrue());
    }

    @Test
    void everythingTheDomainForbidsIsRefusedWithAReasonAndRecordsNothing() {
        String emoji640 = "😀".repeat(640);
        assertRefused(HttpStatus.FORBIDDEN, () -> practitioner1.send(OTHER_PRACTITIONERS_CLIENT, "Hello"));
        assertRefused(HttpStatus.FORBIDDEN, () -> practitioner1.post("/api/broadcasts", Map.of("body", "Hello all")));
        assertRefused(
                HttpStatus.FORBIDDEN,
                () -> practitioner1.post("/api/groups/harbour-group-anxiety/messages", Map.of("body", "Hello group")));
        assertRefused(HttpStatus.FORBIDDEN, () -> compliance.send(OWN_CLIENT, "Auditors never send"));
        assertRefused(HttpStatus.BAD_REQUEST, () -> practitioner1.send(OWN_CLIENT, ""));
        assertRefused(HttpStatus.BAD_REQUEST, () -> practitioner1.send(OWN_CLIENT, "   \n  "));
        assertRefused(HttpStatus.BAD_REQUEST, () -> practitioner1.send(OWN_CLIENT, "a".repeat(641)));
        assertRefused(HttpStatus.BAD_REQUEST, () -> practitioner1.send(OWN_CLIENT, emoji640 + "😀"));
        assertRefused(HttpStatus.NOT_FOUND, () -> admin.send("no-such-client", "Hello"));
        assertRefused(HttpStatus.NOT_FOUND, () -> admin.send(OTHER_PRACTICES_CLIENT, "Hello"));
        assertRefused(
                HttpStatus.NOT_FOUND, () -> admin.post("/api/groups/no-such-group/messages", Map.of("body", "Hello")));
        assertRefused(
                HttpStatus.NOT_FOUND,
                () -> admin.post("/api/groups/valley-group-hydro/messages", Map.of("body", "Hello")));
        assertRefused(
                HttpStatus.BAD_REQUEST,
                () -> practitioner1.postRaw("/api/clients/" + OWN_CLIENT + "/messages", "{\"body\":"));

        assertThat(practitioner1.send(OWN_CLIENT, emoji640).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    }

    @Test
    void anEmptyMobileUpdateIsRefusedAndKeepsTheNumber() {
        long before = eventCount();

        var put = admin.put("/api/clients/harbour-client-29/mobile", "{}");

        assertThat(put.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(put.getBody().get("detail").asText()).contains("DELETE");
        assertThat(admin.get("/api/clients/harbour-client-29")
                        .getBody()
                        .get("hasMobile")
                        .asBoolean())
                .isTrue();
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void healthReportsTheStoresUp() {
        var health = Api.anonymous("http://localhost:" + port).get("/actuator/health");

        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void unauthenticatedCallersAreAskedToSignIn() {
        var response = Api.anonymous("http://localhost:" + port).get("/api/clients");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private void assertRefused(HttpStatus expected, Supplier<ResponseEntity<JsonNode>> request) {
        long eventsBefore = eventCount();
        ResponseEntity<JsonNode> response = request.get();
        assertThat(response.getStatusCode()).isEqualTo(expected);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("detail").asText()).isNotBlank();
        assertThat(eventCount()).as("nothing recorded for a refused request").isEqualTo(eventsBefore);
    }

    long eventCount() {
        // Only requests count: deliveries of earlier tests' messages may still be landing meanwhile, and so may the
        // messages of their broadcasts, which the fan-out requests afterwards (aggregate type BroadcastPart).
        return jdbc.queryForObject(
                "select count(*) from domainevententry where payloadtype like '%.BroadcastRequested'"
                        + " or (payloadtype like '%.MessageRequested' and type <> 'BroadcastPart')",
                Long.class);
    }

    static JsonNode awaitHistoryItem(Api api, String clientId, String messageId, String status) {
        return awaitHistoryItem(api, clientId, messageId, Set.of(status));
    }

    /** Waits until the message has reached whichever final status the carrier gave it. */
    static JsonNode awaitFinalHistoryItem(Api api, String clientId, String messageId) {
        return awaitHistoryItem(api, clientId, messageId, Set.of("delivered", "undelivered", "failed"));
    }

    private static JsonNode awaitHistoryItem(Api api, String clientId, String messageId, Set<String> statuses) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            var response = api.get("/api/clients/" + clientId + "/messages?page=0&size=100");
            // Right after a start the read models are still replaying: the client may not be known yet.
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            JsonNode item = null;
            for (JsonNode candidate : response.getBody().get("items")) {
                if (candidate.get("messageId").asText().equals(messageId)) {
                    item = candidate;
                }
            }
            assertThat(item).as("message %s in the history", messageId).isNotNull();
            assertThat(item.get("status").asText()).isIn(statuses);
            found[0] = item;
        });
        return found[0];
    }

    static List<String> statuses(JsonNode timeline) {
        List<String> statuses = new ArrayList<>();
        timeline.forEach(entry -> statuses.add(entry.get("status").asText()));
        return statuses;
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
