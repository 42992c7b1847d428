package com.clientsms.app.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clientsms.saga.gateway.simulator.SimulatorLedgerFile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Kills the application with {@code kill -9} in the middle of a broadcast, starts it again on the same data directory
 * and checks what the carrier received: every recipient exactly once, and every message ends with a final status.
 *
 * <p>The application runs as a separate JVM, as in production. Its carrier is the simulator with its ledger in a file
 * ({@code clientsms.simulator.ledger-file}), so the carrier's memory outlives the process the way Twilio's does; the
 * simulator also throttles, times out and loses answers on a share of the submissions, so retries and look-ups are
 * part of the run. Recipients: {@code -Dclientsms.crash.recipients}, 200 by default to keep the suite short, 2000
 * for the full check.
 */
class KillDuringBroadcastTest {

    private static final int RECIPIENTS = Integer.getInteger("clientsms.crash.recipients", 200);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dataDir =
            Path.of("target", "crash", "run-" + UUID.randomUUID()).toAbsolutePath();
    private final Path carrierLedger = dataDir.resolve("carrier-ledger.tsv");
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process app;

    private boolean passed;

    /** Stops what the test started; keeps the data directory (logs, carrier ledger, PostgreSQL) only of a failed run. */
    @AfterEach
    void stopTheApplication() throws Exception {
        stop(app);
        if (passed) {
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    @Test
    void everyRecipientIsSentExactlyOnceAndReachesAFinalStatusAfterAKillMidBroadcast() throws Exception {
        Files.createDirectories(dataDir);
        String baseUrl = start("first");
        List<String> clients = registerClients(baseUrl, RECIPIENTS);
        JsonNode broadcast = post(baseUrl, "/api/broadcasts", Map.of("body", "The practice is closed on Friday."));
        String broadcastId = broadcast.get("broadcastId").asText();
        progress("broadcast accepted");
        assertThat(broadcast.get("targeted").asInt()).isGreaterThanOrEqualTo(RECIPIENTS);

        // Mid fan-out: some messages are with the carrier, most are not yet.
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> acceptedByCarrier() >= RECIPIENTS / 4);
        app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        int acceptedBeforeTheKill = acceptedByCarrier();
        assertThat(acceptedBeforeTheKill).as("killed in the middle").isLessThan(RECIPIENTS);

        progress("killed with " + acceptedBeforeTheKill + " messages accepted by the carrier");
        start("second");
        progress("restarted");
        Map<String, String> clientByMessage = messagesOf(broadcastId);
        assertThat(clientByMessage.values()).containsAll(clients);
        await().atMost(Duration.ofSeconds(60 + RECIPIENTS / 5))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    int settled = messagesWithAFinalStatus(broadcastId);
                    progress(settled + " of " + clientByMessage.size() + " messages final");
                    return settled == clientByMessage.size();
                });

        Map<String, Integer> acceptances = SimulatorLedgerFile.acceptancesPerMessage(carrierLedger);
        Set<String> ours = new HashSet<>(clients);
        clientByMessage.forEach((messageId, clientId) -> {
            if (ours.contains(clientId)) {
                assertThat(acceptances.getOrDefault(messageId, 0))
                        .as("carrier acceptances of message %s", messageId)
                        .isOne();
            } else {
                assertThat(acceptances.getOrDefault(messageId, 0))
                        .as("carrier acceptances of demo message %s", messageId)
                        .isLessThanOrEqualTo(1);
            }
        });
        passed = true;
    }

    private String start(String name) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx768m",
                "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + dataDir.resolve("tmp"),
                "-cp",
                System.getProperty("java.class.path"),
                "com.clientsms.app.ClientSmsApplication",
                "--server.port=" + port,
                "--clientsms.data-dir=" + dataDir,
                "--clientsms.embedded.postgres.durable=false",
                "--clientsms.simulator.ledger-file=" + carrierLedger,
                "--clientsms.simulator.report-delay=100ms",
                "--clientsms.simulator.transient-failure-rate=0.05",
                "--clientsms.simulator.timeout-rate=0.05",
                "--clientsms.simulator.ambiguous-rate=0.05",
                "--clientsms.simulator.seed=3",
                "--clientsms.delivery.retry.max-attempts=12",
                "--clientsms.delivery.retry.initial-backoff=100ms",
                "--clientsms.delivery.retry.max-backoff=1s",
                "--clientsms.delivery.stuck-after=3s",
                "--db-scheduler.heartbeat-interval=1s",
                "--db-scheduler.missed-heartbeats-limit=4",
                // A killed instance's processor claims are taken over after this (Axon's default is 10 s).
                "--axon.eventhandling.tokenstore.claim-timeout=3s",
                "--logging.level.root=WARN",
                "--logging.level.com.clientsms=INFO"));
        Files.createDirectories(dataDir.resolve("tmp"));
        app = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve(name + ".log").toFile())
                .start();
        String baseUrl = "http://localhost:" + port;
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    assertThat(app.isAlive())
                            .as("application started (see %s.log)", name)
                            .isTrue();
                    return status(baseUrl + "/actuator/health/readiness") == 200;
                });
        return baseUrl;
    }

    /** In parallel: each request checks the admin's bcrypt password, which is what takes the time. */
    private List<String> registerClients(String baseUrl, int count) throws Exception {
        ExecutorService admins = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> created = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = "Crash Client " + i;
                String mobile = String.format("+614%08d", 20_000_000 + i);
                created.add(admins.submit(() -> post(baseUrl, "/api/clients", Map.of("name", name, "mobile", mobile))
                        .get("id")
                        .asText()));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> id : created) {
                ids.add(id.get());
            }
            return ids;
        } finally {
            admins.shutdownNow();
        }
    }

    private int acceptedByCarrier() {
        return (int) SimulatorLedgerFile.read(carrierLedger).stream()
                .filter(SimulatorLedgerFile.Entry::accepted)
                .count();
    }

    /** The broadcast's messages and their clients, from the event store. */
    private Map<String, String> messagesOf(String broadcastId) throws SQLException {
        Map<String, String> clientByMessage = new HashMap<>();
        try (Connection db = eventStore();
                PreparedStatement query = db.prepareStatement(
                        "select p ->> 'messageId', p ->> 'clientId' from (select convert_from(payload, 'UTF8')::jsonb p"
                                + " from domainevententry where payloadtype like '%MessageRequested') m"
                                + " where p ->> 'broadcastId' = ?")) {
            query.setString(1, broadcastId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    clientByMessage.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return clientByMessage;
    }

    private int messagesWithAFinalStatus(String broadcastId) throws SQLException {
        try (Connection db = eventStore();
                PreparedStatement query = db.prepareStatement("select count(distinct s.aggregateidentifier)"
                        + " from domainevententry s join (select convert_from(payload, 'UTF8')::jsonb p"
                        + " from domainevententry where payloadtype like '%MessageRequested') m"
                        + " on s.aggregateidentifier = m.p ->> 'messageId'"
                        + " where m.p ->> 'broadcastId' = ? and s.payloadtype like '%SmsStatusChanged'"
                        + " and convert_from(s.payload, 'UTF8')::jsonb ->> 'status'"
                        + " in ('DELIVERED', 'UNDELIVERED', 'FAILED')")) {
            query.setString(1, broadcastId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** The embedded PostgreSQL of the running application, found from its postmaster.pid (line 4: the port). */
    private Connection eventStore() throws SQLException {
        try {
            List<String> pid = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
            return DriverManager.getConnection(
                    "jdbc:postgresql://localhost:" + pid.get(3).trim() + "/postgres", "postgres", "");
        } catch (IOException e) {
            throw new SQLException("The application's PostgreSQL is not running", e);
        }
    }

    private JsonNode post(String baseUrl, String path, Object body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", basic("admin"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .timeout(Duration.ofSeconds(30))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("%s answered %s", path, response.body())
                .isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    private int status(String url) {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The run's milestones, for reading a slow or failed run from the test's output. */
    private static void progress(String what) {
        System.out.println(Instant.now() + " " + what);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    /** SIGTERM shuts the application and its PostgreSQL down; a PostgreSQL left by the kill is stopped here too. */
    private void stop(Process process) throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        if (Files.exists(pidFile)) {
            Optional<ProcessHandle> postgres = ProcessHandle.of(
                            Long.parseLong(Files.readAllLines(pidFile).get(0).trim()))
                    .filter(ProcessHandle::isAlive);
            if (postgres.isPresent()) {
                postgres.get().destroy();
                postgres.get().onExit().get(30, TimeUnit.SECONDS);
            }
        }
    }
}
