package com.clientsms.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Hundreds of requests no careful client sends, generated from every endpoint that reads a body or a page, times
 * malformed JSON, wrong types, missing and unknown fields, oversized bodies (by Content-Length and chunked), control
 * characters, invalid Unicode, injection-looking strings, invalid phone numbers, wrong content types, unsupported
 * methods, absurd paging and hostile ids in the path. Each must get a 4xx problem-details answer with a reason, and
 * leave no event and no read-model change behind.
 */
class HostileInputTest extends RunningApplication {

    /** An endpoint that reads JSON, with a field of each kind it has and a valid example of the others. */
    record JsonEndpoint(String method, String path, String textField, String template) {
        /** The template with {v} replaced by a raw JSON value for the text field. */
        String with(String rawValue) {
            return template.replace("{v}", rawValue);
        }
    }

    private static final List<JsonEndpoint> JSON_ENDPOINTS = List.of(
            new JsonEndpoint("POST", "/api/clients/" + OWN_CLIENT + "/messages", "body", "{\"body\":{v}}"),
            new JsonEndpoint("POST", "/api/broadcasts", "body", "{\"body\":{v}}"),
            new JsonEndpoint("POST", "/api/groups/" + OWN_GROUP + "/messages", "body", "{\"body\":{v}}"),
            new JsonEndpoint("POST", "/api/clients", "mobile", "{\"name\":\"Hostile Test\",\"mobile\":{v}}"),
            new JsonEndpoint("PUT", "/api/clients/harbour-client-23/mobile", "mobile", "{\"mobile\":{v}}"),
            new JsonEndpoint(
                    "POST",
                    "/api/clients/harbour-client-23/practitioners",
                    "practitionerId",
                    "{\"practitionerId\":{v}}"),
            new JsonEndpoint("POST", "/api/groups/" + OWN_GROUP + "/members", "clientId", "{\"clientId\":{v}}"),
            new JsonEndpoint("POST", "/api/groups", "memberIds", "{\"name\":\"Hostile group\",\"memberIds\":{v}}"),
            new JsonEndpoint(
                    "POST",
                    "/api/staff",
                    "role",
                    "{\"username\":\"hostile-user\",\"displayName\":\"H\",\"password\":\"long-enough-pw\",\"role\":{v}}"));

    /** Values that are wrong for every text field above (for memberIds, a list of them is tried too). */
    private static final List<String> BAD_VALUES = List.of(
            "123",
            "12.5",
            "true",
            "{}",
            "{\"$gt\": \"\"}",
            "{\"$where\": \"sleep(1000)\"}",
            "\"\"",
            "\"   \"",
            "\"\\u0000\"",
            "\"bell\\u0007\"",
            "\"\\u001b[31mred\"",
            "\"\\ud800\"",
            "\"half \\udc00 pair\"",
            "\"'; drop table clients; --\"",
            "\"../../etc/passwd\"",
            "\"<script>alert(1)</script>\"",
            "\"" + "x".repeat(5000) + "\"");

    private static final List<String> INJECTION_TEXT =
            List.of("\"'; drop table clients; --\"", "\"../../etc/passwd\"", "\"<script>alert(1)</script>\"");

    private static final List<String> MALFORMED = List.of(
            "{\"body\":",
            "{",
            "not json",
            "{\"body\": \"x\",}",
            "[1, 2",
            "\"just a string\"",
            "[]",
            "nul",
            "{\"body\": \"x\"} trailing",
            "{\"a\":1,\"a\":2}",
            "{\"body\": 'single quotes'}",
            "{body: \"unquoted\"}");

    private static final List<String> BAD_PHONES = List.of(
            "\"12345\"",
            "\"+61 2 9000 0000\"",
            "\"0491 570 15x\"",
            "\"+999999999999999\"",
            "\"" + "0".repeat(40) + "\"",
            "\"04915701\"",
            "\"0491-570-15\"",
            "\"+61 491 570 156 99 99\"");

    private static final List<String> PAGED =
            List.of("/api/clients/" + OWN_CLIENT + "/messages", "/api/broadcasts", "/api/audit");

    private static final List<String> ABSURD_PAGING = List.of(
            "page=-1",
            "size=0",
            "size=-5",
            "size=1000000",
            "page=99999999999",
            "page=abc",
            "size=1e3",
            "size=%00",
            "size=101");

    private static final List<String> HOSTILE_IDS = List.of(
            "%27%3B%20drop%20table%20clients%3B%20--",
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            "..%2F..%2Fetc%2Fpasswd",
            "%7B%22%24gt%22%3A%22%22%7D",
            "%00",
            "%E2%80%AE",
            "%FF%FE",
            "a;jsessionid=1",
            "x".repeat(3000));

    private boolean settledOnce;

    @TestFactory
    Stream<DynamicTest> everyHostileRequestIsRefusedWithAReasonAndChangesNothing() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonEndpoint endpoint : JSON_ENDPOINTS) {
            String where = endpoint.method() + " " + endpoint.path();
            for (String value : BAD_VALUES) {
                if (endpoint.textField().equals("mobile")
                        && endpoint.method().equals("POST")
                        && value.replace("\"", "").isBlank()) {
                    // A new client may have no mobile: a blank one means "none". (PUT refuses it: removing a
                    // number takes an explicit DELETE.)
                    continue;
                }
                if (endpoint.textField().equals("body") && INJECTION_TEXT.contains(value)) {
                    // Harmless text for an SMS: the send endpoints must accept it verbatim (SendingScenarios).
                    continue;
                }
                tests.add(hostile(
                        where + " " + endpoint.textField() + "=" + abbreviate(value),
                        () -> json(endpoint, endpoint.with(value))));
            }
            if (endpoint.textField().equals("memberIds")) {
                for (String value : BAD_VALUES) {
                    tests.add(hostile(
                            where + " memberIds=[" + abbreviate(value) + "]",
                            () -> json(endpoint, endpoint.with("[" + value + "]"))));
                }
            }
            for (String raw : MALFORMED) {
                tests.add(hostile(where + " malformed " + raw, () -> json(endpoint, raw)));
            }
            tests.add(hostile(
                    where + " unknown field",
                    () -> json(endpoint, endpoint.with("\"ok\"").replaceFirst("\\{", "{\"sneaky\":1,"))));
            tests.add(hostile(where + " unknown field $gt", () -> json(endpoint, "{\"$gt\": \"\"}")));
            if (!endpoint.textField().equals("mobile")) {
                // For the mobile endpoints a missing mobile means "none"; see above.
                tests.add(hostile(where + " missing fields", () -> json(endpoint, "{}")));
                tests.add(hostile(where + " null body", () -> json(endpoint, "null")));
                tests.add(hostile(
                        where + " no body",
                        () -> send(endpoint.method(), endpoint.path(), "application/json", new byte[0])));
            }
            tests.add(hostile(
                    where + " invalid UTF-8",
                    () -> send(endpoint.method(), endpoint.path(), "application/json", invalidUtf8(endpoint))));
            tests.add(hostile(
                    where + " oversized by Content-Length",
                    () -> json(endpoint, endpoint.with("\"" + "a".repeat(20_000) + "\""))));
            tests.add(hostile(
                    where + " oversized chunked",
                    () -> chunked(endpoint, endpoint.with("\"" + "a".repeat(40_000) + "\""))));
            for (String type : List.of(
                    "text/plain",
                    "application/xml",
                    "application/x-www-form-urlencoded",
                    "multipart/form-data; boundary=x")) {
                tests.add(hostile(
                        where + " as " + type,
                        () -> send(
                                endpoint.method(),
                                endpoint.path(),
                                type,
                                endpoint.with("\"hello\"").getBytes(StandardCharsets.UTF_8))));
            }
            tests.add(hostile(
                    where + " PATCH",
                    () -> send(
                            "PATCH",
                            endpoint.path(),
                            "application/json",
                            endpoint.with("\"x\"").getBytes(StandardCharsets.UTF_8))));
            if (endpoint.textField().equals("mobile")) {
                for (String phone : BAD_PHONES) {
                    tests.add(hostile(where + " phone " + phone, () -> json(endpoint, endpoint.with(phone))));
                }
            }
        }
        for (String path : PAGED) {
            for (String paging : ABSURD_PAGING) {
                tests.add(hostile("GET " + path + "?" + paging, () -> admin().get(path + "?" + paging)));
            }
        }
        for (String id : HOSTILE_IDS) {
            tests.add(hostile(
                    "send to client id " + abbreviate(id),
                    () -> send(
                            "POST",
                            "/api/clients/" + id + "/messages",
                            "application/json",
                            "{\"body\":\"hi\"}".getBytes(StandardCharsets.UTF_8))));
            tests.add(hostile(
                    "group id " + abbreviate(id),
                    () -> send(
                            "POST",
                            "/api/groups/" + id + "/messages",
                            "application/json",
                            "{\"body\":\"hi\"}".getBytes(StandardCharsets.UTF_8))));
            tests.add(hostile("history of " + abbreviate(id), () -> admin().get("/api/clients/" + id + "/messages")));
            tests.add(hostile(
                    "deactivate " + abbreviate(id),
                    () -> send("POST", "/api/clients/" + id + "/deactivate", null, null)));
        }
        for (String method : List.of("PUT", "DELETE", "PATCH")) {
            tests.add(hostile(
                    method + " /api/broadcasts",
                    () -> send(method, "/api/broadcasts", "application/json", "{}".getBytes(StandardCharsets.UTF_8))));
            tests.add(hostile(
                    method + " /api/staff",
                    () -> send(method, "/api/staff", "application/json", "{}".getBytes(StandardCharsets.UTF_8))));
        }
        tests.add(hostile(
                "GET on a send endpoint's sibling that does not exist", () -> admin().get("/api/nothing-here")));
        tests.add(hostile(
                "Idempotency-Key with control characters", () -> admin().withHeader("Idempotency-Key", "x".repeat(300))
                        .postJson("/api/broadcasts", java.util.Map.of("body", "x"))));
        assertThat(tests).as("hostile requests generated").hasSizeGreaterThanOrEqualTo(200);
        return tests.stream();
    }

    private DynamicTest hostile(String name, Supplier<Http.Response> request) {
        return dynamicTest(name, () -> {
            // Nothing here may change anything: wait once for earlier tests' deliveries, then compare.
            Recorded before = settledOnce ? recorded() : settled();
            settledOnce = true;
            Http.Response response = request.get();
            assertThat(response.status()).as("%s -> %s", name, response).isBetween(400, 499);
            assertThat(response.isProblem()).as("problem details: %s", response).isTrue();
            assertThat(response.detail()).as("a reason: %s", response).isNotBlank();
            assertThat(recorded()).as("nothing recorded").isEqualTo(before);
        });
    }

    /**
     * Harbour's administrator, signed in with a bearer token: checking a JWT costs far less than bcrypt on every one of
     * these hundreds of requests.
     */
    private Http admin() {
        return anonymous().withBearer(ADMIN_TOKEN);
    }

    private static final String ADMIN_TOKEN = TestJwt.token(java.util.Map.of(
            "sub",
            "admin",
            "preferred_username",
            "admin",
            "name",
            "Alex Admin",
            "role",
            "ADMIN",
            "practice_id",
            "practice-harbour"));

    private Http.Response json(JsonEndpoint endpoint, String raw) {
        return send(endpoint.method(), endpoint.path(), "application/json", raw.getBytes(StandardCharsets.UTF_8));
    }

    private Http.Response send(String method, String path, String contentType, byte[] body) {
        return admin().send(method, path, contentType, body);
    }

    private static byte[] invalidUtf8(JsonEndpoint endpoint) {
        byte[] head = endpoint.with("\"").getBytes(StandardCharsets.UTF_8);
        String[] parts = endpoint.with("\u0001SPLIT\u0001").split("\u0001SPLIT\u0001");
        byte[] prefix = (parts[0] + "\"ab").getBytes(StandardCharsets.UTF_8);
        byte[] suffix = ("cd\"" + (parts.length > 1 ? parts[1] : "")).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[prefix.length + 3 + suffix.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        out[prefix.length] = (byte) 0xff;
        out[prefix.length + 1] = (byte) 0xc3;
        out[prefix.length + 2] = (byte) 0x28;
        System.arraycopy(suffix, 0, out, prefix.length + 3, suffix.length);
        return head.length > 0 ? out : out;
    }

    /** A body sent with Transfer-Encoding: chunked, so no Content-Length warns the server. */
    private Http.Response chunked(JsonEndpoint endpoint, String raw) {
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + endpoint.path()))
                .method(
                        endpoint.method(),
                        HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .build();
        try {
            HttpResponse<byte[]> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Http.Response(response);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "...(" + value.length() + ")" : value;
    }
}
