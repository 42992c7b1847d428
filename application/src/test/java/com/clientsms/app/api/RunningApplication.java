package com.clientsms.app.api;

import static org.awaitility.Awaitility.await;

import com.clientsms.app.ClientSmsApplication;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole application on a random port with the embedded stores, the simulated gateway and a test identity
 * provider, shared by the API hardening tests (one Spring context for all of them). The send rate limit is high here;
 * the rate-limit test runs its own application with a small one.
 */
@SpringBootTest(
        classes = {ClientSmsApplication.class, TestJwt.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "clientsms.data-dir=target/it/api-hardening",
            "clientsms.embedded.postgres.durable=false",
            "clientsms.simulator.report-delay=20ms",
            "clientsms.simulator.undelivered-rate=0",
            "clientsms.simulator.failed-rate=0",
            "clientsms.rate-limit.sends-per-minute=100000",
            "logging.level.com.clientsms=DEBUG"
        })
public abstract class RunningApplication {

    /** Practitioner 1's own client (odd clients are theirs); client 02 belongs to practitioner 2 only. */
    public static final String OWN_CLIENT = "harbour-client-01";

    public static final String OTHER_PRACTITIONERS_CLIENT = "harbour-client-02";
    public static final String OTHER_PRACTICES_CLIENT = "valley-client-01";
    public static final String OWN_GROUP = "harbour-group-anxiety";
    public static final String OTHER_PRACTICES_GROUP = "valley-group-hydro";

    /**
     * Events that the delivery of earlier messages appends on its own time (gateway reports, carrier opt-outs); a
     * request is judged by every other event.
     */
    private static final String REQUESTED_EVENTS = "SELECT count(*) FROM domainevententry"
            + " WHERE payloadtype NOT LIKE '%.Sms%' AND payloadtype NOT LIKE '%.ClientOptedOut'";

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected MongoTemplate mongo;

    @BeforeEach
    void demoDataLoaded() {
        await().atMost(Duration.ofSeconds(90))
                .until(() -> as("admin").get("/api/clients").status() == 200
                        && as("admin").get("/api/clients").json().size() >= 40
                        && as("admin2").get("/api/groups").json().size() >= 1);
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    protected Http as(String username) {
        return Http.as(baseUrl(), username);
    }

    protected Http anonymous() {
        return Http.anonymous(baseUrl());
    }

    /** What a refused request must leave alone: the events it could have appended and every read model. */
    public record Recorded(long events, Map<String, String> readModels) {}

    protected Recorded recorded() {
        Map<String, String> models = new TreeMap<>();
        for (String collection : mongo.getCollectionNames()) {
            // Tokens move by themselves; a rebuild's target collection fills while an operator's rebuild runs.
            if (collection.toLowerCase().contains("token") || collection.endsWith("__rebuild")) {
                continue;
            }
            // Delivery reports keep moving statuses of earlier messages; only what a request creates is compared,
            // and the directory models (which no delivery touches) in full.
            if (collection.startsWith("directory")) {
                List<Document> documents = mongo.findAll(Document.class, collection);
                models.put(collection, Integer.toHexString(documents.toString().hashCode()) + "/" + documents.size());
            } else {
                models.put(
                        collection,
                        Long.toString(mongo.getCollection(collection).countDocuments()));
            }
        }
        return new Recorded(jdbc.queryForObject(REQUESTED_EVENTS, Long.class), models);
    }

    /**
     * Waits until the projections have caught up with what earlier (allowed) requests appended: the read models have
     * not moved for a second. (Comparing each processor's token with the head of the event store would be exact.)
     */
    protected Recorded settled() {
        Recorded[] last = {recorded()};
        int[] stable = {0};
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    Recorded now = recorded();
                    stable[0] = now.equals(last[0]) ? stable[0] + 1 : 0;
                    last[0] = now;
                    return stable[0] >= 4;
                });
        return last[0];
    }
}
