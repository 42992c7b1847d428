package com.clientsms.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clientsms.app.ClientSmsApplication;
import com.clientsms.app.api.Http;
import com.clientsms.saga.gateway.simulator.SimulatorLedgerFile;
import com.clientsms.saga.pacing.PacingProperties;
import com.clientsms.saga.pacing.SendPacer;
import com.mongodb.client.MongoClient;
import com.zaxxer.hikari.HikariDataSource;
import de.bwaldvogel.mongo.MongoServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two instances of the application against the same PostgreSQL and MongoDB: the first runs in this JVM with the
 * embedded stores, the second in a JVM of its own that uses them as external stores (two JVMs, as in production:
 * processors claim segments under their process's name). The processors' segments are shared out between them, both
 * hand messages to the carrier and none twice, concurrent commands on one aggregate through both are all applied, the
 * send rate limit counts requests to both together, and the gateway pace is one for both.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest {

    private static final int SENDS_PER_MINUTE = 24;
    private static final double MESSAGES_PER_SECOND = 50;
    /** Axon's default for pooled processors, which the projections keep; the saga's is set below. */
    private static final int PROJECTION_SEGMENTS = 16;

    private static final int SAGA_SEGMENTS = 4;
    private static final List<String> PROCESSORS =
            List.of("SmsDeliverySagaProcessor", "client-history", "directory-view", "audit-log", "broadcast-outcomes");

    private static Path dataDir;
    private static ConfigurableApplicationContext first;
    private static Process second;
    private static String secondUrl;

    @BeforeAll
    static void startTwoInstances() throws IOException {
        dataDir = Path.of("target", "it", "cluster-" + UUID.randomUUID()).toAbsolutePath();
        first = new SpringApplicationBuilder(ClientSmsApplication.class)
                .run(arguments("a", 0, dataDir.resolve("a")).toArray(String[]::new));
        HikariDataSource postgres = (HikariDataSource) first.getBean(DataSource.class);
        InetSocketAddress mongo = first.getBean(MongoServer.class).getLocalAddress();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + Files.createDirectories(dataDir.resolve("tmp")),
                "-cp",
                System.getProperty("java.class.path"),
                ClientSmsApplication.class.getName()));
        command.addAll(arguments("b", port, dataDir.resolve("b")));
        command.addAll(List.of(
                "--spring.datasource.url=" + postgres.getJdbcUrl(),
                "--spring.datasource.username=" + postgres.getUsername(),
                "--spring.data.mongodb.uri=mongodb://127.0.0.1:" + mongo.getPort() + "/clientsms",
                "--clientsms.demo-data=false",
                "--logging.level.root=WARN",
                "--logging.level.com.clientsms=INFO"));
        second = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("b.log").toFile())
                .start();
        secondUrl = "http://localhost:" + port;
        await().atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(500))
                // Connection refused until the second instance listens.
                .ignoreExceptionsInstanceOf(IllegalStateException.class)
                .until(() -> {
                    assertThat(second.isAlive())
                            .as("second instance running (see %s)", dataDir.resolve("b.log"))
                            .isTrue();
                    return Http.anonymous(secondUrl)
                                            .get("/actuator/health/liveness")
                                            .status()
                                    == 200
                            && as(first, "admin").get("/api/clients").json().size() >= 40;
                });
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (second != null) {
            second.destroy();
            if (!second.waitFor(30, TimeUnit.SECONDS)) {
                second.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    @Order(1)
    void everyProcessorsSegmentsAreSharedOutBetweenTheInstances() {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            for (String processor : PROCESSORS) {
                int segments = processor.equals("SmsDeliverySagaProcessor") ? SAGA_SEGMENTS : PROJECTION_SEGMENTS;
                Map<String, Integer> owners = segmentsByOwner(processor);
                assertThat(owners).as("owners of %s's segments", processor).hasSize(2);
                assertThat(owners.values())
                        .as("segments of %s per instance", processor)
                        .allMatch(held -> held >= 1 && held <= segments / 2)
                        .satisfies(held -> assertThat(held.stream()
                                        .mapToInt(Integer::intValue)
                                        .sum())
                                .isEqualTo(segments));
            }
        });
        String metrics = Http.anonymous(secondUrl).get("/actuator/prometheus").text();
        assertThat(metrics)
                .as("the second instance reports what it holds")
                .containsPattern("clientsms_processor_segments\\{[^}]*processing_group=\"client-history\"[^}]*\\} 8.0");
    }

    @Test
    @Order(2)
    void messagesSentThroughEitherInstanceAreEachHandedToTheCarrierOnceByOneOfThem() {
        List<String> messageIds = new ArrayList<>();
        for (int i = 1; i <= 24 && messageIds.size() < 20; i++) {
            Http admin = i % 2 == 0 ? as(first, "admin") : Http.as(secondUrl, "admin");
            Http.Response sent =
                    admin.postJson("/api/clients/harbour-client-%02d/messages".formatted(i), Map.of("body", "Hi " + i));
            if (sent.status() == 202) {
                messageIds.add(sent.json().get("messageId").asText());
            }
        }
        assertThat(messageIds).hasSize(20);
        JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);

        await().atMost(Duration.ofSeconds(90)).until(() -> finalStatuses(jdbc, messageIds) == messageIds.size());

        Map<String, Integer> byFirst = acceptances(dataDir.resolve("a-carrier.tsv"), messageIds);
        Map<String, Integer> bySecond = acceptances(dataDir.resolve("b-carrier.tsv"), messageIds);
        for (String id : messageIds) {
            assertThat(byFirst.getOrDefault(id, 0) + bySecond.getOrDefault(id, 0))
                    .as("carrier acceptances of %s", id)
                    .isEqualTo(1);
        }
        assertThat(byFirst).as("messages the first instance sent").isNotEmpty();
        assertThat(bySecond).as("messages the second instance sent").isNotEmpty();
    }

    @Test
    @Order(3)
    void concurrentSendsToOneClientThroughBothInstancesAreAllRecorded() throws Exception {
        JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
        String client = "harbour-client-03";
        long before = requestedFor(jdbc, client);
        double conflictsBefore = conflicts();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Callable<Integer>> sends = new ArrayList<>();
        for (int i = 0; i < SENDS_PER_MINUTE; i++) {
            Http practitioner = i % 2 == 0 ? as(first, "practitioner1") : Http.as(secondUrl, "practitioner1");
            String body = "Concurrent " + i;
            sends.add(() -> practitioner
                    .postJson("/api/clients/" + client + "/messages", Map.of("body", body))
                    .status());
        }
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> status : pool.invokeAll(sends)) {
                statuses.add(status.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses).containsOnly(202);
        assertThat(requestedFor(jdbc, client) - before).isEqualTo(SENDS_PER_MINUTE);
        assertThat(conflicts() - conflictsBefore)
                .as("the instances raced on the client's stream and the losers were retried")
                .isPositive();
    }

    @Test
    @Order(4)
    void theSendRateLimitCountsRequestsToBothInstancesTogether() {
        // An inactive client: each request passes the rate limit, then is refused (409) without sending anything.
        String inactive = "/api/clients/harbour-client-07/messages";
        Instant start = Instant.now();
        int allowed = 0;
        Http.Response answer;
        do {
            Http superuser = allowed % 2 == 0 ? as(first, "superuser") : Http.as(secondUrl, "superuser");
            answer = superuser.postJson(inactive, Map.of("body", "Counting"));
            if (answer.status() == 409) {
                allowed++;
            }
        } while (answer.status() == 409 && allowed < 3 * SENDS_PER_MINUTE);
        double refilled = Duration.between(start, Instant.now()).toMillis() / 60_000.0 * SENDS_PER_MINUTE;

        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.detail()).contains("at most " + SENDS_PER_MINUTE + " send requests a minute");
        assertThat(allowed)
                .as("one allowance for both instances (two would allow %d)", 2 * SENDS_PER_MINUTE)
                .isBetween(SENDS_PER_MINUTE, SENDS_PER_MINUTE + (int) Math.ceil(refilled));
    }

    @Test
    @Order(5)
    void twoPacersOnTheSameDatabaseHandOutSlotsOfOnePace() throws Exception {
        SendPacer pacerA = first.getBean(SendPacer.class);
        HikariDataSource own = new HikariDataSource();
        own.setJdbcUrl(((HikariDataSource) first.getBean(DataSource.class)).getJdbcUrl());
        own.setUsername("postgres");
        own.setMaximumPoolSize(4);
        try (own) {
            SendPacer pacerB = secondPacer(own);
            Instant now = Instant.now();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Callable<Instant>> reservations = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                SendPacer pacer = i % 2 == 0 ? pacerA : pacerB;
                reservations.add(() -> pacer.reserve(1, now).orElseThrow());
            }
            List<Instant> slots = new ArrayList<>();
            try {
                for (Future<Instant> slot : pool.invokeAll(reservations)) {
                    slots.add(slot.get());
                }
            } finally {
                pool.shutdownNow();
            }

            Collections.sort(slots);
            long slotMicros = Math.round(1_000_000 / MESSAGES_PER_SECOND);
            for (int i = 1; i < slots.size(); i++) {
                assertThat(Duration.between(slots.get(i - 1), slots.get(i)).toNanos() / 1000)
                        .as("gap between slot %d and %d", i - 1, i)
                        .isGreaterThanOrEqualTo(slotMicros);
            }
        }
    }

    /** The same pacer class the application uses, on its own connection pool: another instance's pacer. */
    private static SendPacer secondPacer(DataSource dataSource) throws Exception {
        Class<?> type = Class.forName("com.clientsms.saga.pacing.JdbcSendPacer");
        Constructor<?> constructor = type.getDeclaredConstructor(PacingProperties.class, DataSource.class);
        constructor.setAccessible(true);
        return (SendPacer) constructor.newInstance(first.getBean(PacingProperties.class), dataSource);
    }

    /** Claimed segments per owner: the saga's tokens in PostgreSQL, the projections' in MongoDB. */
    private static Map<String, Integer> segmentsByOwner(String processor) {
        Map<String, Integer> owners = new HashMap<>();
        if (processor.equals("SmsDeliverySagaProcessor")) {
            first.getBean(JdbcTemplate.class)
                    .query(
                            "SELECT owner, count(*) AS held FROM tokenentry WHERE processorname = ?"
                                    + " AND owner IS NOT NULL GROUP BY owner",
                            rs -> {
                                owners.put(rs.getString("owner"), rs.getInt("held"));
                            },
                            processor);
            return owners;
        }
        for (Document token : first.getBean(MongoClient.class)
                .getDatabase("clientsms")
                .getCollection("trackingtokens")
                .find(new Document("processorName", processor))) {
            String owner = token.getString("owner");
            if (owner != null) {
                owners.merge(owner, 1, Integer::sum);
            }
        }
        return owners;
    }

    private static Map<String, Integer> acceptances(Path ledger, List<String> messageIds) {
        Map<String, Integer> accepted = new HashMap<>();
        for (SimulatorLedgerFile.Entry entry : SimulatorLedgerFile.read(ledger)) {
            if (entry.accepted() && messageIds.contains(entry.messageId())) {
                accepted.merge(entry.messageId(), 1, Integer::sum);
            }
        }
        return accepted;
    }

    private static long finalStatuses(JdbcTemplate jdbc, List<String> messageIds) {
        return jdbc.queryForObject(
                "SELECT count(DISTINCT aggregateidentifier) FROM domainevententry WHERE payloadtype LIKE"
                        + " '%.SmsStatusChanged' AND aggregateidentifier = ANY (?) AND convert_from(payload, 'UTF8')"
                        + "::jsonb ->> 'status' IN ('DELIVERED', 'UNDELIVERED', 'FAILED')",
                Long.class, (Object) messageIds.toArray(String[]::new));
    }

    private static long requestedFor(JdbcTemplate jdbc, String clientId) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%.MessageRequested'"
                        + " AND aggregateidentifier = ?",
                Long.class, clientId);
    }

    /** Retried lost races on both instances: the first's meter, the second's Prometheus sample. */
    private static double conflicts() {
        double onFirst = first.getBean(MeterRegistry.class)
                .counter("clientsms.commands.conflicts")
                .count();
        double onSecond = 0;
        for (String line :
                Http.anonymous(secondUrl).get("/actuator/prometheus").text().split("\n")) {
            if (line.startsWith("clientsms_commands_conflicts_total")) {
                onSecond += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return onFirst + onSecond;
    }

    private static List<String> arguments(String instance, int port, Path dir) {
        return List.of(
                "--server.port=" + port,
                "--clientsms.data-dir=" + dir,
                "--clientsms.embedded.postgres.durable=false",
                "--clientsms.simulator.report-delay=20ms",
                "--clientsms.simulator.undelivered-rate=0",
                "--clientsms.simulator.failed-rate=0",
                "--clientsms.simulator.ledger-file=" + dataDir.resolve(instance + "-carrier.tsv"),
                "--clientsms.rate-limit.sends-per-minute=" + SENDS_PER_MINUTE,
                "--clientsms.delivery.rate.messages-per-second=" + MESSAGES_PER_SECOND,
                "--clientsms.cluster.heartbeat-interval=1s",
                "--clientsms.delivery.processor.segments=" + SAGA_SEGMENTS,
                "--clientsms.cluster.instance-id=" + instance);
    }

    private static Http as(ConfigurableApplicationContext instance, String username) {
        int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
        return Http.as("http://localhost:" + port, username);
    }
}
