package com.clientsms.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientsms.app.api.TestJwt;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Send latency: concurrent senders post single messages to {@code POST /api/clients/{id}/messages} for a fixed time;
 * requests per second, p50 and p99 of the answer time, errors (anything but 202). Twice: with HTTP Basic, where every
 * request checks the password's bcrypt hash, and with bearer JWTs, where it checks a signature. The send rate limit is
 * lifted, the simulated carrier keeps its default report delays, so the run also carries the deliveries and their
 * callbacks. Senders and seconds: {@code -Dbench.latency.senders}, {@code -Dbench.latency.seconds} (100 and 60 under
 * {@code -Pbenchmarks}).
 */
class SendLatencyBenchmarkTest {

    private static final int SENDERS = Benchmarks.size("bench.latency.senders", 20);
    private static final int SECONDS = Benchmarks.size("bench.latency.seconds", 2);
    private static final int WARM_UP_SECONDS = Math.max(1, Math.min(10, SECONDS / 6));
    private static final int CLIENTS = 1000;
    private static final String PRACTICE = "latency";

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newFixedThreadPool(4))
            .build();

    @Test
    void concurrentSendersAgainstTheSendEndpoint() throws Exception {
        String loadAtStart = Benchmarks.loadAverage();
        List<String[]> rows = new ArrayList<>();
        try (BenchmarkApplication app = BenchmarkApplication.start(
                "latency", new Class<?>[] {TestJwt.class}, "--clientsms.rate-limit.sends-per-minute=100000000")) {
            app.seedPractice(PRACTICE, CLIENTS);
            String basic = "Basic "
                    + Base64.getEncoder()
                            .encodeToString(
                                    (PRACTICE + ":" + BenchmarkApplication.PASSWORD).getBytes(StandardCharsets.UTF_8));
            String bearer = "Bearer "
                    + TestJwt.token(Map.of(
                            "sub",
                            PRACTICE + "-admin",
                            "preferred_username",
                            PRACTICE,
                            "name",
                            "Bench Admin",
                            "role",
                            "ADMIN",
                            "practice_id",
                            PRACTICE));
            for (String[] mode : List.of(new String[] {"HTTP Basic", basic}, new String[] {"JWT", bearer})) {
                run(app, mode[1], WARM_UP_SECONDS);
                Result result = run(app, mode[1], SECONDS);
                assertThat(result.requests()).as("requests answered").isPositive();
                rows.add(new String[] {
                    mode[0],
                    String.valueOf(SENDERS),
                    String.valueOf(SECONDS),
                    String.valueOf(result.requests()),
                    String.format("%.1f", result.requests() / (double) SECONDS),
                    String.format("%.1f", result.percentile(50)),
                    String.format("%.1f", result.percentile(99)),
                    String.format("%.1f", result.percentile(100)),
                    String.valueOf(result.errors())
                });
            }
        }
        Benchmarks.print(
                "Send latency (POST /api/clients/{id}/messages)",
                loadAtStart,
                new String[] {
                    "authentication", "senders", "s", "requests", "requests/s", "p50 ms", "p99 ms", "max ms", "errors"
                },
                rows);
    }

    private Result run(BenchmarkApplication app, String authorization, int seconds) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        try {
            List<Future<Result>> running = new ArrayList<>();
            for (int s = 0; s < SENDERS; s++) {
                int sender = s;
                running.add(senders.submit(() -> send(app.baseUrl(), authorization, sender, until)));
            }
            Result total = new Result(new long[0], 0);
            for (Future<Result> result : running) {
                total = total.plus(result.get());
            }
            return total;
        } finally {
            senders.shutdownNow();
        }
    }

    /** One sender: a request at a time, each to the next client, until the time is up. */
    private Result send(String baseUrl, String authorization, int sender, long until) {
        long[] nanos = new long[1024];
        int count = 0;
        long errors = 0;
        for (int i = 0; System.nanoTime() < until; i++) {
            String client = PRACTICE + "-client-" + ((sender * 7919 + i) % CLIENTS);
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/clients/" + client + "/messages"))
                    .header("Authorization", authorization)
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"body\":\"Your appointment is tomorrow at 10:00. Reply to the practice to move it.\"}"))
                    .build();
            long start = System.nanoTime();
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status != 202) {
                    errors++;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                errors++;
            }
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, count * 2);
            }
            nanos[count++] = System.nanoTime() - start;
        }
        return new Result(Arrays.copyOf(nanos, count), errors);
    }

    /** Answer times in nanoseconds, and how many answers were not 202. */
    private record Result(long[] nanos, long errors) {

        long requests() {
            return nanos.length;
        }

        Result plus(Result other) {
            long[] both = Arrays.copyOf(nanos, nanos.length + other.nanos.length);
            System.arraycopy(other.nanos, 0, both, nanos.length, other.nanos.length);
            return new Result(both, errors + other.errors);
        }

        /** In milliseconds; 100 is the slowest answer. */
        double percentile(int percent) {
            if (nanos.length == 0) {
                return 0;
            }
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }
    }
}
