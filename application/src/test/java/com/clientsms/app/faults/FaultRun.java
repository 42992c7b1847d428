package com.clientsms.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.core.ConditionTimeoutException;
import org.bson.Document;
import org.springframework.util.FileSystemUtils;

/**
 * One fault scenario's world: the shared stores, the fake carrier, the application instances started so far, and
 * what the scenario reads back to judge the run (the event store, the carrier's memory, the read models). The run's
 * directory (instance logs, PostgreSQL) is kept only when the scenario fails.
 */
final class FaultRun implements AutoCloseable {

    static final String BODY = "The practice is closed on Friday.";
    static final Set<String> FINAL = Set.of("DELIVERED", "UNDELIVERED", "FAILED");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PROJECTIONS =
            List.of("client-history", "directory-view", "audit-log", "broadcast-outcomes");
    private static final List<String> READ_MODEL_COLLECTIONS = List.of(
            "client_history",
            "audit_log",
            "broadcast_outcomes",
            "broadcast_messages",
            "directory_clients",
            "directory_groups",
            "directory_staff");

    final Path runDir;
    final SharedStores stores;
    final FakeTwilio twilio;
    final List<AppInstance> instances = new CopyOnWriteArrayList<>();
    private final StaffTokens staffTokens;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final MongoClient mongo;
    private final Instant started = Instant.now();
    private boolean passed;

    FaultRun(String scenario, FakeTwilio.Faults faults) throws IOException {
        runDir = Path.of("target", "faults", scenario + "-" + System.currentTimeMillis())
                .toAbsolutePath();
        Files.createDirectories(runDir);
        stores = new SharedStores(runDir);
        twilio = new FakeTwilio(faults, 7, Duration.ofMillis(200), Duration.ofMillis(50));
        twilio.deliverCallbacksTo(this::liveBaseUrls);
        mongo = MongoClients.create(stores.mongoConnectionString());
        try {
            staffTokens = new StaffTokens();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    AppInstance start(String name, String... extra) throws IOException {
        List<String> arguments = new ArrayList<>(List.of(extra));
        arguments.add(staffTokens.applicationArgument());
        AppInstance instance = AppInstance.start(name, runDir, stores, twilio, arguments);
        instances.add(instance);
        progress(name + " ready at " + instance.baseUrl() + " (pid " + instance.pid() + ")");
        return instance;
    }

    List<String> liveBaseUrls() {
        return instances.stream()
                .filter(AppInstance::isAlive)
                .map(AppInstance::baseUrl)
                .toList();
    }

    String anyLiveBaseUrl() {
        return liveBaseUrls().get(0);
    }

    /** Registers clients with mobile numbers in parallel (each request checks a bcrypt password). */
    List<String> registerClients(int count) throws Exception {
        ExecutorService admins = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> created = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = "Fault Client " + i;
                String mobile = String.format("+614%08d", 30_000_000 + i);
                created.add(admins.submit(() -> post("admin", "/api/clients", Map.of("name", name, "mobile", mobile))
                        .get("id")
                        .asText()));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> id : created) {
                ids.add(id.get());
            }
            progress(count + " clients registered");
            return ids;
        } finally {
            admins.shutdownNow();
        }
    }

    /**
     * A broadcast to all of the admin's practice, as the 202 answered it. Its messages are requested after the answer,
     * by the fan-out; every run checks that exactly {@code targeted} were.
     */
    Accepted broadcast() throws Exception {
        JsonNode accepted = post("admin", "/api/broadcasts", Map.of("body", BODY));
        progress("broadcast accepted, " + accepted.get("targeted").asInt() + " targeted");
        return new Accepted(
                accepted.get("broadcastId").asText(), accepted.get("targeted").asInt());
    }

    record Accepted(String broadcastId, int targeted) {}

    JsonNode post(String user, String path, Object body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(anyLiveBaseUrl() + path))
                .header("Authorization", bearer(user))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .timeout(Duration.ofSeconds(60))
                .build();
        return successful(path, request);
    }

    JsonNode get(String user, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(anyLiveBaseUrl() + path))
                .header("Authorization", bearer(user))
                .timeout(Duration.ofSeconds(60))
                .build();
        return successful(path, request);
    }

    /** Sends the request and reads its JSON answer, which must be a success. */
    private JsonNode successful(String path, HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("%s answered %s", path, response.body())
                .isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    /** What the event store says about one message: its recipient and its final status, if any. */
    record Delivery(String messageId, String to, String status, String errorCode, String reason) {
        boolean isFinal() {
            return status != null && FINAL.contains(status);
        }
    }

    /** The broadcast's messages as the event store has them, keyed by message id. */
    Map<String, Delivery> deliveries(String broadcastId) throws SQLException, IOException {
        Map<String, String> recipients = new HashMap<>();
        Map<String, Delivery> result = new HashMap<>();
        try (Connection db = stores.postgres()) {
            try (PreparedStatement query = db.prepareStatement(
                    "select p ->> 'messageId', p ->> 'to' from (select convert_from(payload, 'UTF8')::jsonb p"
                            + " from domainevententry where payloadtype like '%MessageRequested') m"
                            + " where p ->> 'broadcastId' = ?")) {
                query.setString(1, broadcastId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        recipients.put(rows.getString(1), rows.getString(2));
                    }
                }
            }
            recipients.forEach((id, to) -> result.put(id, new Delivery(id, to, null, null, null)));
            try (PreparedStatement query = db.prepareStatement("select convert_from(payload, 'UTF8')"
                    + " from domainevententry where payloadtype like '%SmsStatusChanged'")) {
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        JsonNode event = JSON.readTree(rows.getString(1));
                        String id = event.path("messageId").asText();
                        String status = event.path("status").asText();
                        if (recipients.containsKey(id) && FINAL.contains(status)) {
                            result.put(
                                    id,
                                    new Delivery(
                                            id,
                                            recipients.get(id),
                                            status,
                                            textOrNull(event.get("errorCode")),
                                            textOrNull(event.get("reason"))));
                        }
                    }
                }
            }
        }
        return result;
    }

    long settled(String broadcastId) throws SQLException, IOException {
        return deliveries(broadcastId).values().stream()
                .filter(Delivery::isFinal)
                .count();
    }

    /** Waits for every message of the broadcast to be final in the event store and in the read models. */
    void awaitSettled(String broadcastId, int expected, Duration atMost) {
        try {
            await().atMost(atMost)
                    .pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions()
                    .until(() -> {
                        long settled = settled(broadcastId);
                        // Every read model, not only one: each projection backs off on its own after an error.
                        long modelled = READ_MODELS.stream()
                                .mapToLong(model -> finalIn(model.getKey(), model.getValue(), broadcastId))
                                .min()
                                .orElseThrow();
                        progress(settled + " of " + expected + " final in the event store, " + modelled
                                + " in the slowest read model");
                        return settled >= expected && modelled >= expected;
                    });
        } catch (ConditionTimeoutException e) {
            progress("not settled within " + atMost + "; judging the run as it is");
        }
    }

    long finalInClientHistory(String broadcastId) {
        return finalIn("client_history", MESSAGE_STATE, broadcastId);
    }

    private long finalIn(String collection, StateFields fields, String broadcastId) {
        return database()
                .getCollection(collection)
                .countDocuments(Filters.and(
                        Filters.eq("broadcastId", broadcastId),
                        Filters.in(String.join(".", fields.status()), "delivered", "undelivered", "failed")));
    }

    MongoDatabase database() {
        return mongo.getDatabase(SharedStores.MONGO_DATABASE);
    }

    /**
     * The invariants every scenario shares: nothing lost, nothing sent twice, every final status and permanent error
     * recorded with its reason in the event store and in each read model, the read models equal to a rebuild.
     */
    void checkDelivery(Invariants invariants, String broadcastId, int expected) throws Exception {
        Map<String, Delivery> deliveries = deliveries(broadcastId);
        Map<String, Integer> created = twilio.createdPerMessage();
        Map<String, String> rejected = twilio.rejectedMessages();
        Map<String, FakeTwilio.Message> atCarrier = twilio.messagesByOurId();
        long lost = deliveries.keySet().stream()
                .filter(id -> created.getOrDefault(id, 0) == 0 && !rejected.containsKey(id))
                .count();
        long duplicates = deliveries.keySet().stream()
                .filter(id -> created.getOrDefault(id, 0) > 1)
                .count();
        long notFinal = deliveries.values().stream().filter(d -> !d.isFinal()).count();
        long wrongStatus = deliveries.values().stream()
                .filter(d -> !d.isFinal() || !d.status().equals(expectedStatus(d, atCarrier, rejected)))
                .count();
        long permanentErrors = deliveries.values().stream()
                .filter(d -> rejected.containsKey(d.messageId())
                        || "UNDELIVERED".equals(expectedStatus(d, atCarrier, rejected)))
                .count();
        long permanentWithoutReason = deliveries.values().stream()
                .filter(d -> rejected.containsKey(d.messageId())
                        || "UNDELIVERED".equals(expectedStatus(d, atCarrier, rejected)))
                .filter(d -> d.errorCode() == null
                        || d.reason() == null
                        || d.reason().isBlank())
                .count();
        invariants
                .equal("messages requested by the broadcast", expected, deliveries.size())
                .equal("lost (neither accepted by the gateway nor refused for good)", 0L, lost)
                .equal("duplicate gateway submissions (a message accepted twice)", 0L, duplicates)
                .equal("messages without a final status (event store)", 0L, notFinal)
                .equal("final status differs from what the gateway said", 0L, wrongStatus)
                .equal("permanent errors recorded without code or reason", 0L, permanentWithoutReason)
                .note(permanentErrors + " permanent errors (refused " + rejected.size() + ", undelivered "
                        + (permanentErrors - rejected.size()) + ")");
        checkReadModels(invariants, broadcastId, deliveries);
    }

    /** Where the read models keep a message's status, code and reason. */
    private record StateFields(List<String> status, List<String> code, List<String> reason) {}

    private static final StateFields MESSAGE_STATE =
            new StateFields(List.of("state", "status"), List.of("state", "errorCode"), List.of("state", "reason"));

    /** The collections that hold one document per message of a broadcast, and where each keeps its state. */
    private static final List<Map.Entry<String, StateFields>> READ_MODELS = List.of(
            Map.entry("client_history", MESSAGE_STATE),
            Map.entry("audit_log", MESSAGE_STATE),
            Map.entry("broadcast_messages", MESSAGE_STATE));

    /** Every message in each read model with the event store's final status, code and reason. */
    void checkReadModels(Invariants invariants, String broadcastId, Map<String, Delivery> deliveries) {
        READ_MODELS.forEach(model -> invariants.equal(
                model.getKey() + ": messages missing or disagreeing with the events",
                0L,
                disagreeing(model.getKey(), model.getValue(), broadcastId, deliveries)));
    }

    /** Messages of the broadcast that the collection misses or shows with another status, code or reason. */
    private long disagreeing(
            String collection, StateFields fields, String broadcastId, Map<String, Delivery> deliveries) {
        Map<String, Document> docs = new HashMap<>();
        database()
                .getCollection(collection)
                .find(Filters.eq("broadcastId", broadcastId))
                .forEach(doc -> docs.put(doc.getString("_id"), doc));
        return deliveries.values().stream()
                .filter(d -> {
                    Document doc = docs.get(d.messageId());
                    return doc == null
                            || d.status() == null
                            || !d.status().toLowerCase().equals(doc.getEmbedded(fields.status(), String.class))
                            || !Objects.equals(d.errorCode(), doc.getEmbedded(fields.code(), String.class))
                            || !Objects.equals(d.reason(), doc.getEmbedded(fields.reason(), String.class));
                })
                .count();
    }

    /** Rebuilds every projection blue/green through the operators' API and compares the models before and after. */
    void checkEqualToRebuild(Invariants invariants) throws Exception {
        Map<String, List<String>> before = snapshot();
        for (String projection : PROJECTIONS) {
            post("superuser", "/api/admin/projections/" + projection + "/rebuild", Map.of());
        }
        Instant rebuildStarted = Instant.now();
        try {
            await().atMost(Duration.ofMinutes(10))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        for (String projection : PROJECTIONS) {
                            JsonNode state = get("superuser", "/api/admin/projections/" + projection);
                            if (!"live".equals(state.path("state").asText())
                                    || state.path("lastRebuild").isMissingNode()
                                    || state.path("lastRebuild").isNull()) {
                                return false;
                            }
                        }
                        return true;
                    });
        } catch (ConditionTimeoutException e) {
            invariants.holds("rebuild finished", "all swapped", "timed out", false);
            return;
        }
        List<String> outcomes = new ArrayList<>();
        for (String projection : PROJECTIONS) {
            outcomes.add(get("superuser", "/api/admin/projections/" + projection)
                    .path("lastRebuild")
                    .path("outcome")
                    .asText());
        }
        Map<String, List<String>> after = snapshot();
        long differences = 0;
        for (String collection : READ_MODEL_COLLECTIONS) {
            List<String> a = before.get(collection);
            List<String> b = after.get(collection);
            if (!a.equals(b)) {
                differences += Math.max(1, symmetricDifference(a, b));
                invariants.note(collection + " differs from its rebuild, e.g. live " + firstOnlyIn(a, b) + " / rebuilt "
                        + firstOnlyIn(b, a));
            }
        }
        long documents = before.values().stream().mapToLong(List::size).sum();
        invariants
                .holds(
                        "rebuilds swapped in",
                        "swapped x" + PROJECTIONS.size(),
                        String.join(",", outcomes),
                        outcomes.stream().allMatch("swapped"::equals))
                .equal("read-model documents differing from a fresh rebuild", 0L, differences)
                .note(documents + " read-model documents compared with a rebuild ("
                        + Duration.between(rebuildStarted, Instant.now()).toSeconds() + " s)");
    }

    private static String firstOnlyIn(List<String> a, List<String> b) {
        var others = new java.util.HashSet<>(b);
        return a.stream()
                .filter(doc -> !others.contains(doc))
                .findFirst()
                .map(doc -> doc.length() > 600 ? doc.substring(0, 600) + "..." : doc)
                .orElse("(none)");
    }

    private static long symmetricDifference(List<String> a, List<String> b) {
        var onlyA = new java.util.HashSet<>(a);
        b.forEach(onlyA::remove);
        var onlyB = new java.util.HashSet<>(b);
        a.forEach(onlyB::remove);
        return onlyA.size() + onlyB.size();
    }

    /** Every read-model document as canonical JSON (keys sorted, arrays sorted), per collection, sorted. */
    private Map<String, List<String>> snapshot() {
        Map<String, List<String>> snapshot = new HashMap<>();
        for (String collection : READ_MODEL_COLLECTIONS) {
            List<String> docs = new ArrayList<>();
            database().getCollection(collection).find().forEach(doc -> docs.add(canonical(doc)));
            docs.sort(String::compareTo);
            snapshot.put(collection, docs);
        }
        return snapshot;
    }

    @SuppressWarnings("unchecked")
    private static String canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            new java.util.TreeMap<>((Map<String, Object>) map)
                    .forEach((key, item) ->
                            out.append(key).append(':').append(canonical(item)).append(','));
            return out.append('}').toString();
        }
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(item -> items.add(canonical(item)));
            items.sort(String::compareTo);
            return items.toString();
        }
        if (value instanceof java.util.Date date) {
            return date.toInstant().toString();
        }
        return String.valueOf(value);
    }

    private static String expectedStatus(
            Delivery delivery, Map<String, FakeTwilio.Message> atCarrier, Map<String, String> rejected) {
        FakeTwilio.Message message = atCarrier.get(delivery.messageId());
        if (message != null) {
            return message.status.toUpperCase();
        }
        return rejected.containsKey(delivery.messageId()) ? "FAILED" : "(not at the carrier)";
    }

    /** Which instance holds each segment of a processor whose token lives in PostgreSQL. */
    Map<Integer, String> postgresOwners(String processor) throws SQLException {
        Map<Integer, String> owners = new HashMap<>();
        try (Connection db = stores.postgres();
                PreparedStatement query =
                        db.prepareStatement("select segment, owner from tokenentry where processorname = ?")) {
            query.setString(1, processor);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    owners.put(rows.getInt(1), rows.getString(2));
                }
            }
        }
        return owners;
    }

    /** Which instance holds each segment of a projection (tokens in MongoDB). */
    Map<Integer, String> mongoOwners(String processor) {
        Map<Integer, String> owners = new HashMap<>();
        database()
                .getCollection("trackingtokens")
                .find(Filters.eq("processorName", processor))
                .forEach(doc -> owners.put(doc.getInteger("segment"), doc.getString("owner")));
        return owners;
    }

    /**
     * Deadlines (db-scheduler executions) marked as picked whose heartbeat stopped: a dead instance's, never picked up
     * again by a live one.
     */
    long staleDeadlines() throws SQLException {
        try (Connection db = stores.postgres();
                PreparedStatement query = db.prepareStatement("select count(*) from scheduled_tasks"
                        + " where picked and last_heartbeat < now() - interval '10 seconds'");
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    Duration elapsed() {
        return Duration.between(started, Instant.now());
    }

    void passed() {
        passed = true;
    }

    @Override
    public void close() throws Exception {
        for (AppInstance instance : instances) {
            instance.stop();
        }
        twilio.close();
        staffTokens.close();
        mongo.close();
        stores.close();
        if (passed) {
            FileSystemUtils.deleteRecursively(runDir);
        } else {
            progress("run kept for inspection in " + runDir);
        }
    }

    static void progress(String what) {
        System.out.println(Instant.now() + " " + what);
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private String bearer(String user) throws SQLException {
        try (Connection directory = stores.postgres()) {
            return staffTokens.bearer(directory, user);
        }
    }
}
