package com.clientsms.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientsms.saga.gateway.simulator.SimulatedSmsGateway;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Fan-out throughput: a broadcast through the simulated gateway with no rate limit and instant acceptance, timed
 * from the request until every recipient is recorded as accepted and projected into the history. Baseline, in the
 * same run and the same PostgreSQL: a plain JDBC batch insert of as many event-sized rows. The suite runs a smoke
 * size; {@code ./mvnw -B verify -pl application -Pbenchmarks -Dtest=FanOutBenchmarkTest} runs 1,000 and 10,000.
 */
class FanOutBenchmarkTest {

    private static final int[] SIZES = Benchmarks.sizes("bench.fanout.sizes", "50,200");

    @Test
    void broadcastFanOutAgainstRawJdbcBaseline() {
        String loadAtStart = Benchmarks.loadAverage();
        List<String[]> rows = new ArrayList<>();
        double[] seconds = new double[SIZES.length];
        try (BenchmarkApplication app = BenchmarkApplication.start(
                "fanout",
                "--clientsms.simulator.accept-latency=0ms",
                "--clientsms.simulator.report-delay=1h",
                "--clientsms.simulator.undelivered-rate=0",
                "--clientsms.simulator.failed-rate=0")) {
            for (int i = 0; i < SIZES.length; i++) {
                int size = SIZES[i];
                String practice = "bench-" + size;
                app.seedPractice(practice, size);
                Run run = broadcast(app, practice, size);
                double baselinePerSecond = rawJdbcBaseline(app.dataSource(), size);
                seconds[i] = run.seconds;
                rows.add(new String[] {
                    String.valueOf(size),
                    String.valueOf(run.acceptMillis),
                    String.format("%.2f", run.carrierSeconds),
                    String.format("%.2f", run.seconds),
                    String.format("%.0f", size / run.seconds),
                    String.format("%.0f", baselinePerSecond),
                    String.format("%.1f", baselinePerSecond / (size / run.seconds)),
                    String.format("%.2f", run.cpuSeconds * 1000 / size),
                    String.format("%.2f", run.postgresCpuSeconds * 1000 / size)
                });
            }
        }
        String ratio = SIZES.length < 2
                ? ""
                : String.format(
                        "time(%d)/time(%d) = %.2f (linear would be %.1f)",
                        SIZES[SIZES.length - 1],
                        SIZES[0],
                        seconds[SIZES.length - 1] / seconds[0],
                        (double) SIZES[SIZES.length - 1] / SIZES[0]);
        Benchmarks.print(
                "Fan-out throughput (request -> accepted and projected)",
                loadAtStart,
                new String[] {
                    "recipients",
                    "202 after ms",
                    "carrier has all s",
                    "all accepted s",
                    "recipients/s",
                    "JDBC rows/s",
                    "ratio",
                    "CPU ms/recipient",
                    "of which PostgreSQL"
                },
                rows,
                ratio,
                "CPU ms/recipient: CPU time of the application and its PostgreSQL per recipient, which depends far"
                        + " less than the rates on what else the machine runs");
    }

    private static Run broadcast(BenchmarkApplication app, String practice, int size) {
        RestClient http = RestClient.builder()
                .baseUrl(app.baseUrl())
                .defaultHeader(
                        HttpHeaders.AUTHORIZATION,
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((practice + ":" + BenchmarkApplication.PASSWORD)
                                                .getBytes(StandardCharsets.UTF_8)))
                .build();
        Recording profile = Boolean.getBoolean("bench.jfr") ? startRecording() : null;
        long submittedBefore = app.bean(SimulatedSmsGateway.class).totalSubmissions();
        double cpuBefore = app.cpuSeconds();
        double postgresCpuBefore = app.postgresCpuSeconds();
        long start = System.nanoTime();
        JsonNode accepted = http.post()
                .uri("/api/broadcasts")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("body", "Benchmark broadcast " + UUID.randomUUID()))
                .retrieve()
                .body(JsonNode.class);
        long acceptMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(accepted.get("targeted").asInt()).isEqualTo(size);
        String broadcastId = accepted.get("broadcastId").asText();
        Query projected = Query.query(Criteria.where("broadcastId")
                .is(broadcastId)
                .and("state.status")
                .ne("requested"));
        SimulatedSmsGateway carrier = app.bean(SimulatedSmsGateway.class);
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        // The carrier's count is in memory; counting in MongoDB scans the collection (the in-process server has no
        // secondary indexes), so it is only asked once the carrier has every message, and not too often.
        while (carrier.totalSubmissions() < submittedBefore + size) {
            assertThat(System.nanoTime())
                    .as("broadcast handed to the carrier in time")
                    .isLessThan(deadline);
            Benchmarks.pause(Duration.ofMillis(10));
        }
        double carrierSeconds = (System.nanoTime() - start) / 1e9;
        while (app.mongo().count(projected, "client_history") < size) {
            assertThat(System.nanoTime()).as("broadcast projected in time").isLessThan(deadline);
            Benchmarks.pause(Duration.ofMillis(100));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (profile != null) {
            stopRecording(profile, "fanout-" + size);
        }
        return new Run(
                acceptMillis,
                carrierSeconds,
                seconds,
                app.cpuSeconds() - cpuBefore,
                app.postgresCpuSeconds() - postgresCpuBefore);
    }

    /** -Dbench.jfr=true records the fan-out with Java Flight Recorder's profiling settings, for looking into it. */
    private static Recording startRecording() {
        try {
            Recording recording = new Recording(Configuration.getConfiguration("profile"));
            recording.start();
            return recording;
        } catch (java.io.IOException | java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void stopRecording(Recording recording, String name) {
        try (recording) {
            java.nio.file.Path file =
                    java.nio.file.Path.of("target", "bench", name + ".jfr").toAbsolutePath();
            recording.dump(file);
            System.out.println("Flight recording: " + file);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows per second for a plain JDBC batch insert of event-sized rows (batches of 1,000, one commit each). */
    static double rawJdbcBaseline(DataSource dataSource, int rows) {
        byte[] payload = ("{\"messageId\":\"" + UUID.randomUUID() + "\",\"body\":\"" + "x".repeat(600) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        try (Connection connection = dataSource.getConnection()) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("create table if not exists bench_baseline (like domainevententry including all)");
                ddl.execute("truncate bench_baseline");
            }
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement insert =
                    connection.prepareStatement("insert into bench_baseline (aggregateidentifier,"
                            + " sequencenumber, type, eventidentifier, metadata, payload, payloadrevision, payloadtype,"
                            + " timestamp) values (?, ?, 'Broadcast', ?, ?, ?, '1', 'MessageRequested', ?)")) {
                for (int i = 0; i < rows; i++) {
                    insert.setString(1, "baseline");
                    insert.setLong(2, i);
                    insert.setString(3, UUID.randomUUID().toString());
                    insert.setBytes(4, "{}".getBytes(StandardCharsets.UTF_8));
                    insert.setBytes(5, payload);
                    insert.setString(6, java.time.Instant.now().toString());
                    insert.addBatch();
                    if ((i + 1) % 1000 == 0 || i == rows - 1) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
            }
            return rows / ((System.nanoTime() - start) / 1e9);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param carrierSeconds until the simulated carrier had taken every message
     * @param seconds until every message was recorded as accepted and projected into the history
     * @param cpuSeconds CPU used meanwhile by the application and its PostgreSQL
     * @param postgresCpuSeconds the PostgreSQL part of it
     */
    private record Run(
            long acceptMillis, double carrierSeconds, double seconds, double cpuSeconds, double postgresCpuSeconds) {}
}
