package com.clientsms.app.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A stand-in for Twilio's Messages API, outside the application's JVMs, that remembers every message it accepted, so
 * that "sent exactly once" is judged by the carrier across kills of the application. It speaks the subset the
 * application's Twilio adapter uses: create a message, list a recipient's messages (the look-up after an ambiguous
 * attempt), fetch one message (the stuck-message check); and it reports statuses to the message's StatusCallback,
 * signed with the auth token as Twilio does.
 *
 * <p>Faults, drawn per create request: {@code 5xx} and {@code 429} (nothing created), ambiguous (the message is
 * created, but the answer comes only after the client's read timeout). Permanent refusals and undeliverable handsets
 * are decided per number, so a retry meets the same verdict.
 */
final class FakeTwilio implements AutoCloseable {

    static final String ACCOUNT_SID = "AC" + "fa".repeat(16);
    static final String AUTH_TOKEN = "fault-suite-auth-token";
    static final String FROM = "+15005550006";
    /** The application's public URL as the carrier knows it; callbacks are delivered to a live instance. */
    static final String PUBLIC_BASE_URL = "http://clientsms.invalid";

    static final String REJECTED_CODE = "21614";
    static final String UNDELIVERED_CODE = "30003";

    private static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages";
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss Z", Locale.US)
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param serverErrors share of create requests answered 500
     * @param throttled share answered 429
     * @param ambiguous share created but answered only after {@code answerDelay}
     * @param rejectedPerMille numbers (per thousand) Twilio refuses for good (21614)
     * @param undeliveredPerMille numbers whose handset is unreachable (30003 in the final callback)
     */
    record Faults(
            double serverErrors,
            double throttled,
            double ambiguous,
            int rejectedPerMille,
            int undeliveredPerMille,
            Duration answerDelay) {

        static Faults none() {
            return new Faults(0, 0, 0, 0, 0, Duration.ZERO);
        }
    }

    /** One message Twilio accepted. */
    static final class Message {
        final String sid;
        final String messageId;
        final String to;
        final String from;
        final String body;
        final String statusCallback;
        final Instant created;
        volatile String status = "queued";
        volatile String errorCode;

        Message(String sid, String messageId, String to, String from, String body, String callback, Instant created) {
            this.sid = sid;
            this.messageId = messageId;
            this.to = to;
            this.from = from;
            this.body = body;
            this.statusCallback = callback;
            this.created = created;
        }
    }

    private final HttpServer server;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(8, runnable -> {
        Thread thread = new Thread(runnable, "fake-twilio-callbacks");
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledExecutorService answers = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "fake-twilio-answers");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final Random random;
    private final Map<String, Message> bySid = new ConcurrentHashMap<>();
    private final Map<String, List<Message>> byTo = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> createdPerMessage = new ConcurrentHashMap<>();
    private final Map<String, String> rejectedMessages = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
    private final AtomicLong sids = new AtomicLong();
    private final Duration reportDelay;
    private final Duration latency;
    private volatile Faults faults;
    private volatile Supplier<List<String>> callbackTargets = List::of;

    /**
     * @param reportDelay before the "sent" callback, and again before the final one
     * @param latency how long each create request takes to answer, as a real API does
     */
    FakeTwilio(Faults faults, long seed, Duration reportDelay, Duration latency) throws IOException {
        this.faults = faults;
        this.random = new Random(seed);
        this.reportDelay = reportDelay;
        this.latency = latency;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.setExecutor(Executors.newFixedThreadPool(16, runnable -> {
            Thread thread = new Thread(runnable, "fake-twilio");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/2010-04-01/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Where status callbacks go: the base URLs of the instances alive now, tried in turn. */
    void deliverCallbacksTo(Supplier<List<String>> liveInstances) {
        this.callbackTargets = liveInstances;
    }

    void faults(Faults faults) {
        this.faults = faults;
    }

    /** The environment an application instance needs to send through this fake. */
    Map<String, String> environment() {
        return Map.of(
                "TWILIO_ACCOUNT_SID", ACCOUNT_SID,
                "TWILIO_AUTH_TOKEN", AUTH_TOKEN,
                "TWILIO_FROM_NUMBER", FROM,
                "TWILIO_API_BASE_URL", baseUrl(),
                "PUBLIC_BASE_URL", PUBLIC_BASE_URL);
    }

    /** How many times each of our message ids was created here: more than once is a duplicate SMS. */
    Map<String, Integer> createdPerMessage() {
        Map<String, Integer> copy = new HashMap<>();
        createdPerMessage.forEach((id, count) -> copy.put(id, count.get()));
        return copy;
    }

    /** Messages (our ids) refused for good, with Twilio's error code. */
    Map<String, String> rejectedMessages() {
        return Map.copyOf(rejectedMessages);
    }

    /** Messages whose handset was unreachable (final status undelivered with 30003). */
    Map<String, Message> messagesByOurId() {
        Map<String, Message> result = new HashMap<>();
        bySid.values().forEach(message -> result.put(message.messageId, message));
        return result;
    }

    /** Every counter, for the report: submissions, faults, creations, look-ups, fetches, callbacks. */
    String counters() {
        return new TreeMap<>(counters).toString();
    }

    long count(String what) {
        return counters.computeIfAbsent(what, key -> new AtomicLong()).get();
    }

    private void increment(String what) {
        counters.computeIfAbsent(what, key -> new AtomicLong()).incrementAndGet();
    }

    boolean rejects(String to) {
        return Math.floorMod(to.hashCode(), 1000) < faults.rejectedPerMille();
    }

    boolean cannotDeliverTo(String to) {
        return Math.floorMod(to.hashCode() * 31 + 7, 1000) < faults.undeliveredPerMille();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            if (!ACCOUNT_SID.equals(accountOf(exchange))) {
                respond(exchange, 401, error(20003, "Authenticate", 401));
            } else if ("POST".equals(exchange.getRequestMethod()) && path.equals(MESSAGES + ".json")) {
                create(exchange);
            } else if ("GET".equals(exchange.getRequestMethod()) && path.equals(MESSAGES + ".json")) {
                list(exchange);
            } else if ("GET".equals(exchange.getRequestMethod())
                    && path.startsWith(MESSAGES + "/")
                    && path.endsWith(".json")) {
                fetch(exchange, path.substring(MESSAGES.length() + 1, path.length() - ".json".length()));
            } else {
                respond(exchange, 404, error(20404, "Not found", 404));
            }
        } catch (RuntimeException e) {
            respond(exchange, 500, error(20500, "Fake failed: " + e, 500));
        }
    }

    private void create(HttpExchange exchange) throws IOException {
        increment("submissions");
        Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String to = form.get("To");
        String callback = form.get("StatusCallback");
        String messageId = parse(URI.create(callback).getRawQuery()).get("messageId");
        Faults now = faults;
        double draw;
        synchronized (random) {
            draw = random.nextDouble();
        }
        if (draw < now.serverErrors()) {
            increment("answered 5xx");
            respond(exchange, 503, error(20503, "Service unavailable", 503));
            return;
        }
        if (draw < now.serverErrors() + now.throttled()) {
            increment("answered 429");
            respond(exchange, 429, error(20429, "Too Many Requests", 429));
            return;
        }
        if (rejects(to)) {
            increment("rejected for good");
            rejectedMessages.put(messageId, REJECTED_CODE);
            respond(exchange, 400, error(Integer.parseInt(REJECTED_CODE), "'To' number is not a valid mobile", 400));
            return;
        }
        Message message = new Message(
                "SM" + String.format("%032x", sids.incrementAndGet()),
                messageId,
                to,
                form.get("From"),
                form.get("Body"),
                callback,
                Instant.now());
        bySid.put(message.sid, message);
        byTo.computeIfAbsent(to, key -> new CopyOnWriteArrayList<>()).add(message);
        createdPerMessage.computeIfAbsent(messageId, key -> new AtomicInteger()).incrementAndGet();
        increment("created");
        scheduleReports(message);
        String answer = JSON.writeValueAsString(json(message));
        if (draw < now.serverErrors() + now.throttled() + now.ambiguous()) {
            increment("answered too late (ambiguous)");
            respondLater(exchange, 201, answer, now.answerDelay());
            return;
        }
        respondLater(exchange, 201, answer, latency);
    }

    /** Answers from another thread after a while, without holding one of the server's threads meanwhile. */
    private void respondLater(HttpExchange exchange, int status, String body, Duration delay) {
        answers.schedule(
                () -> {
                    try {
                        respond(exchange, status, body);
                    } catch (IOException e) {
                        // The client gave up waiting (an ambiguous answer is meant to come too late).
                    }
                },
                delay.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void list(HttpExchange exchange) throws IOException {
        increment("look-ups");
        String to = parse(exchange.getRequestURI().getRawQuery()).get("To");
        ObjectNode page = JSON.createObjectNode();
        ArrayNode messages = page.putArray("messages");
        byTo.getOrDefault(to, List.of()).stream()
                .sorted((a, b) -> b.created.compareTo(a.created))
                .forEach(message -> messages.add(json(message)));
        String uri = MESSAGES + ".json?To=" + URLEncoder.encode(to, StandardCharsets.UTF_8);
        page.put("first_page_uri", uri);
        page.putNull("next_page_uri");
        page.putNull("previous_page_uri");
        page.put("page", 0);
        page.put("page_size", 1000);
        page.put("start", 0);
        page.put("end", messages.size());
        page.put("uri", uri);
        respond(exchange, 200, JSON.writeValueAsString(page));
    }

    private void fetch(HttpExchange exchange, String sid) throws IOException {
        increment("fetches");
        Message message = bySid.get(sid);
        if (message == null) {
            respond(exchange, 404, error(20404, "The requested resource was not found", 404));
        } else {
            respond(exchange, 200, JSON.writeValueAsString(json(message)));
        }
    }

    private void scheduleReports(Message message) {
        scheduler.schedule(() -> report(message, "sent", null, 0), reportDelay.toMillis(), TimeUnit.MILLISECONDS);
        boolean undeliverable = cannotDeliverTo(message.to);
        scheduler.schedule(
                () -> report(
                        message,
                        undeliverable ? "undelivered" : "delivered",
                        undeliverable ? UNDELIVERED_CODE : null,
                        0),
                2 * reportDelay.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Posts the status to a live instance, signed for the public URL; a few tries, then it is dropped. */
    private void report(Message message, String status, String errorCode, int tries) {
        if (tries == 0) {
            if (!"sent".equals(status) || !isFinal(message.status)) {
                message.status = status;
                message.errorCode = errorCode;
            }
        }
        Map<String, String> form = new TreeMap<>();
        form.put("AccountSid", ACCOUNT_SID);
        form.put("ApiVersion", "2010-04-01");
        form.put("From", message.from);
        form.put("To", message.to);
        form.put("MessageSid", message.sid);
        form.put("SmsSid", message.sid);
        form.put("MessageStatus", status);
        form.put("SmsStatus", status);
        if (errorCode != null) {
            form.put("ErrorCode", errorCode);
        }
        URI callback = URI.create(message.statusCallback);
        String signature = sign(message.statusCallback, form);
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        for (String instance : callbackTargets.get()) {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(instance + callback.getRawPath() + "?" + callback.getRawQuery()))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .header("X-Twilio-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            try {
                int answer = http.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (answer == 204) {
                    increment("callbacks delivered");
                    return;
                }
                increment("callbacks answered " + answer);
            } catch (IOException e) {
                // That instance is down; try the next.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (tries < 5) {
            scheduler.schedule(() -> report(message, status, errorCode, tries + 1), 1, TimeUnit.SECONDS);
        } else {
            increment("callbacks dropped");
        }
    }

    private static boolean isFinal(String status) {
        return "delivered".equals(status) || "undelivered".equals(status) || "failed".equals(status);
    }

    private static ObjectNode json(Message message) {
        ObjectNode node = JSON.createObjectNode();
        node.put("account_sid", ACCOUNT_SID);
        node.put("api_version", "2010-04-01");
        node.put("body", message.body);
        node.put("date_created", RFC_2822.format(message.created));
        node.put("date_updated", RFC_2822.format(Instant.now()));
        node.putNull("date_sent");
        node.put("direction", "outbound-api");
        if (message.errorCode == null) {
            node.putNull("error_code");
        } else {
            node.put("error_code", Integer.parseInt(message.errorCode));
        }
        node.putNull("error_message");
        node.put("from", message.from);
        node.putNull("messaging_service_sid");
        node.put("num_media", "0");
        node.put("num_segments", "1");
        node.put("sid", message.sid);
        node.put("status", message.status);
        node.put("to", message.to);
        node.put("uri", MESSAGES + "/" + message.sid + ".json");
        return node;
    }

    private static String error(int code, String message, int status) {
        return "{\"code\": " + code + ", \"message\": \"" + message + "\", \"more_info\":"
                + " \"https://www.twilio.com/docs/errors/" + code + "\", \"status\": " + status + "}";
    }

    private static String accountOf(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Basic ")) {
            return null;
        }
        String user = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
        return user.equals(ACCOUNT_SID + ":" + AUTH_TOKEN) ? ACCOUNT_SID : null;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> parse(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                values.put(
                        URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    /** Twilio's scheme: Base64(HMAC-SHA1(auth token, URL + each POST parameter's name and value, sorted by name)). */
    private static String sign(String url, Map<String, String> form) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(form).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(AUTH_TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        scheduler.shutdownNow();
        answers.shutdownNow();
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
