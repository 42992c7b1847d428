package com.clientsms.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One application instance in a JVM of its own, as in production, against the {@link SharedStores} and the
 * {@link FakeTwilio}. {@link #kill()} is {@code kill -9}: no shutdown hook runs, nothing is flushed or released.
 */
final class AppInstance {

    /** Short timeouts so that a scenario sees takeovers, retries and look-ups within seconds. */
    static final List<String> FAST_RECOVERY = List.of(
            "--clientsms.cluster.claim-timeout=3s",
            "--clientsms.cluster.heartbeat-interval=1s",
            "--clientsms.twilio.read-timeout=1s",
            "--clientsms.twilio.connect-timeout=1s",
            "--clientsms.delivery.retry.max-attempts=15",
            "--clientsms.delivery.retry.initial-backoff=100ms",
            "--clientsms.delivery.retry.max-backoff=1s",
            "--clientsms.delivery.stuck-after=5s",
            "--clientsms.delivery.ambiguous-wait=3s",
            "--db-scheduler.heartbeat-interval=1s",
            "--db-scheduler.missed-heartbeats-limit=4",
            "--clientsms.rate-limit.sends-per-minute=1000");

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final String baseUrl;
    private final Path log;

    private AppInstance(String name, Process process, String baseUrl, Path log) {
        this.name = name;
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
    }

    /** Starts an instance and waits until it is ready; its output goes to {@code <runDir>/<name>.log}. */
    static AppInstance start(String name, Path runDir, SharedStores stores, FakeTwilio twilio, List<String> extra)
            throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path home = runDir.resolve(name);
        Files.createDirectories(home.resolve("tmp"));
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Djava.io.tmpdir=" + home.resolve("tmp"),
                "-cp",
                System.getProperty("java.class.path"),
                "com.clientsms.app.ClientSmsApplication",
                "--server.port=" + port,
                "--clientsms.data-dir=" + home,
                "--logging.level.root=WARN",
                "--logging.level.com.clientsms=INFO"));
        command.addAll(List.of(stores.applicationArguments()));
        command.addAll(FAST_RECOVERY);
        command.addAll(extra);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        runDir.resolve(name + ".log").toFile()));
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(key -> key.startsWith("TWILIO_") || key.equals("PUBLIC_BASE_URL"));
        environment.putAll(twilio.environment());
        AppInstance instance =
                new AppInstance(name, builder.start(), "http://localhost:" + port, runDir.resolve(name + ".log"));
        // Generous: on a 2-core machine shared with other builds a start has taken over three minutes.
        await().atMost(Duration.ofMinutes(8))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    assertThat(instance.process.isAlive())
                            .as("instance %s started (see %s)", name, instance.log)
                            .isTrue();
                    return instance.answers("/actuator/health/readiness");
                });
        return instance;
    }

    String name() {
        return name;
    }

    String baseUrl() {
        return baseUrl;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** {@code kill -9}. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, then kill -9 if it does not stop in time. */
    void stop() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private boolean answers(String path) {
        try {
            return HTTP.send(
                                    HttpRequest.newBuilder(URI.create(baseUrl + path))
                                            .timeout(Duration.ofSeconds(5))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
