package com.clientsms.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Memory: a broadcast to every client of a large practice, with the application in its own JVM capped at
 * {@code -Xmx512m}, must complete (every recipient accepted by the carrier and projected); the peak heap is read from
 * the JVM's own GC log. The read models live in a MongoDB server outside the application's JVM, as in production: the
 * in-process MongoDB of the embedded default keeps every read model in the application's heap. The practice is seeded
 * beforehand in this JVM on the same data directory. Recipients: {@code -Dbench.memory.recipients} (100,000 under
 * {@code -Pbenchmarks}).
 */
class MemoryBenchmarkTest {

    private static final int RECIPIENTS = Benchmarks.size("bench.memory.recipients", 200);
    private static final String PRACTICE = "memory";
    private static final String HEAP = "512m";
    private static final Pattern PAUSE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void broadcastToEveryClientCompletesWithTheHeapCapped() throws Exception {
        String loadAtStart = Benchmarks.loadAverage();
        Path dataDir = BenchmarkApplication.dataDir("memory");
        Path gcLog = dataDir.resolve("gc.log");
        MongoServer readModels = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
        Process app = null;
        try (MongoClient mongo = MongoClients.create(readModels.bindAndGetConnectionString())) {
            String mongoUri = readModels.getConnectionString() + "/clientsms";
            long seedStart = System.nanoTime();
            try (BenchmarkApplication seeding = BenchmarkApplication.startIn(
                    dataDir,
                    new Class<?>[0],
                    "--spring.data.mongodb.uri=" + mongoUri,
                    "--clientsms.embedded.postgres.durable=false")) {
                seeding.seedPractice(PRACTICE, RECIPIENTS);
            }
            double seedSeconds = Benchmarks.seconds(seedStart);

            int port = freePort();
            app = start(dataDir, gcLog, port, mongoUri);
            String baseUrl = "http://localhost:" + port;
            awaitReady(app, baseUrl, dataDir);
            int gcLinesBefore = Files.readAllLines(gcLog).size();

            long start = System.nanoTime();
            JsonNode accepted = broadcast(baseUrl);
            double acceptSeconds = Benchmarks.seconds(start);
            assertThat(accepted.get("targeted").asInt()).isEqualTo(RECIPIENTS);
            String broadcastId = accepted.get("broadcastId").asText();
            long deadline = System.nanoTime()
                    + Duration.ofMinutes(20 + RECIPIENTS / 1000).toNanos();
            var history = mongo.getDatabase("clientsms").getCollection("client_history");
            while (history.countDocuments(Filters.and(
                            Filters.eq("broadcastId", broadcastId), Filters.ne("state.status", "requested")))
                    < RECIPIENTS) {
                assertThat(app.isAlive())
                        .as("application alive (see %s)", dataDir.resolve("app.log"))
                        .isTrue();
                assertThat(System.nanoTime()).as("broadcast completed in time").isLessThan(deadline);
                Benchmarks.pause(Duration.ofMillis(500));
            }
            double seconds = Benchmarks.seconds(start);

            List<String> gc = Files.readAllLines(gcLog);
            Peaks whole = peaks(gc);
            Peaks broadcast = peaks(gc.subList(Math.min(gcLinesBefore, gc.size()), gc.size()));
            Benchmarks.print(
                    "Memory (broadcast to every client, application heap capped at " + HEAP + ")",
                    loadAtStart,
                    new String[] {
                        "recipients",
                        "202 after s",
                        "completed s",
                        "recipients/s",
                        "GCs",
                        "peak heap used MB",
                        "peak live heap MB",
                        "peak used since start MB",
                        "seeding s"
                    },
                    List.<String[]>of(new String[] {
                        String.valueOf(RECIPIENTS),
                        String.format("%.1f", acceptSeconds),
                        String.format("%.1f", seconds),
                        String.format("%.0f", RECIPIENTS / seconds),
                        String.valueOf(broadcast.collections),
                        String.valueOf(broadcast.usedBeforeGc),
                        String.valueOf(broadcast.liveAfterGc),
                        String.valueOf(whole.usedBeforeGc),
                        String.format("%.0f", seedSeconds)
                    }),
                    "peak heap used: the most heap in use when a collection began, during the broadcast;"
                            + " peak live heap: the most left after a collection (what the broadcast really holds)");
        } finally {
            stop(app, dataDir);
            readModels.shutdownNow();
        }
    }

    private Process start(Path dataDir, Path gcLog, int port, String mongoUri) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Files.createDirectories(dataDir.resolve("tmp"));
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx" + HEAP,
                "-XX:+ExitOnOutOfMemoryError",
                "-Xlog:gc:file=" + gcLog,
                "-Djava.io.tmpdir=" + dataDir.resolve("tmp"),
                "-cp",
                System.getProperty("java.class.path"),
                "com.clientsms.app.ClientSmsApplication",
                "--server.port=" + port,
                "--clientsms.data-dir=" + dataDir,
                "--clientsms.demo-data=false",
                "--spring.data.mongodb.uri=" + mongoUri,
                "--clientsms.simulator.accept-latency=0ms",
                "--clientsms.simulator.report-delay=1h",
                "--clientsms.simulator.undelivered-rate=0",
                "--clientsms.simulator.failed-rate=0",
                "--logging.level.root=WARN"));
        BenchmarkApplication.withOverrides(command);
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("app.log").toFile())
                .start();
    }

    private void awaitReady(Process app, String baseUrl, Path dataDir) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (status(baseUrl + "/actuator/health/readiness") != 200) {
            assertThat(app.isAlive())
                    .as("application started (see %s)", dataDir.resolve("app.log"))
                    .isTrue();
            assertThat(System.nanoTime()).as("application ready in time").isLessThan(deadline);
            Benchmarks.pause(Duration.ofMillis(500));
        }
    }

    private JsonNode broadcast(String baseUrl) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/broadcasts"))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((PRACTICE + ":" + BenchmarkApplication.PASSWORD)
                                                .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofString("{\"body\":\"The practice is closed on Friday.\"}"))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("broadcast answered %s", response.body())
                .isEqualTo(202);
        return new ObjectMapper().readTree(response.body());
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

    /** Heap in use when each collection began and what was left after it, from -Xlog:gc lines. */
    private static Peaks peaks(List<String> gcLines) {
        long before = 0;
        long after = 0;
        int collections = 0;
        for (String line : gcLines) {
            Matcher pause = PAUSE.matcher(line);
            if (pause.find()) {
                collections++;
                before = Math.max(before, Long.parseLong(pause.group(1)));
                after = Math.max(after, Long.parseLong(pause.group(2)));
            }
        }
        return new Peaks(collections, before, after);
    }

    private record Peaks(int collections, long usedBeforeGc, long liveAfterGc) {}

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** SIGTERM stops the application and its PostgreSQL; a PostgreSQL left behind is stopped too. */
    private static void stop(Process process, Path dataDir) throws Exception {
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
