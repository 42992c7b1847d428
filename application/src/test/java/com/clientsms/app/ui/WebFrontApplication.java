package com.clientsms.app.ui;

import static org.awaitility.Awaitility.await;

import com.clientsms.app.ClientSmsApplication;
import com.clientsms.app.api.Http;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole application on a random port with the embedded stores and the simulated carrier, shared by every web
 * front test (one Spring context). The carrier fails or does not deliver most messages, so a small broadcast always
 * has failures to show and resend, and takes a second or two to report each message, so a broadcast's outcome page is
 * seen while the broadcast drains.
 */
@SpringBootTest(
        classes = ClientSmsApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "clientsms.data-dir=target/it/web-front",
            "clientsms.embedded.postgres.durable=false",
            "clientsms.simulator.report-delay=1s",
            "clientsms.simulator.undelivered-rate=0.35",
            "clientsms.simulator.failed-rate=0.35",
            "clientsms.audit.chain.interval=200ms",
            "clientsms.rate-limit.sends-per-minute=100000"
        })
abstract class WebFrontApplication {

    /** Practitioner 1's own client (odd clients are theirs); client 02 belongs to practitioner 2 only. */
    static final String OWN_CLIENT = "harbour-client-01";

    static final String OWN_CLIENT_NAME = "Olivia Kelly";
    static final String OTHER_PRACTITIONERS_CLIENT = "harbour-client-02";
    static final String OTHER_PRACTICES_CLIENT = "valley-client-01";
    /** Clients 1 to 8; client 7 is inactive. */
    static final String ANXIETY_GROUP = "harbour-group-anxiety";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void demoDataLoaded() {
        // The first start loads the demo practices; on a busy machine a request may time out before it is up.
        await().atMost(Duration.ofMinutes(3))
                .ignoreExceptions()
                .until(() -> api("admin").get("/api/clients").status() == 200
                        && api("admin").get("/api/clients").json().size() >= 40
                        && api("admin").get("/api/groups").json().size() >= 3);
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    Http api(String username) {
        return Http.as(baseUrl(), username);
    }

    /**
     * Every message and broadcast requested so far, by any route. A broadcast's own messages are left out: the fan-out
     * requests them afterwards (aggregate type BroadcastPart), and would move the count on its own.
     */
    long messagesRequested() {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%.BroadcastRequested'"
                        + " OR (payloadtype LIKE '%.MessageRequested' AND type <> 'BroadcastPart')",
                Long.class);
    }

    long broadcastsRequested() {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%.BroadcastRequested'", Long.class);
    }
}
