package com.clientsms.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A raw HTTP client for tests that must send what no well-behaved client would: any method, bytes that are not
 * JSON, any content type. java.net.http, so nothing re-encodes or validates the request on the way.
 */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Http(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static Http anonymous(String baseUrl) {
        return new Http(baseUrl);
    }

    public static Http as(String baseUrl, String username) {
        return anonymous(baseUrl).withBasic(username, "demo");
    }

    public Http withBasic(String username, String password) {
        Http copy = copy();
        copy.headers.put(
                "Authorization",
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        return copy;
    }

    public Http withBearer(String token) {
        Http copy = copy();
        copy.headers.put("Authorization", "Bearer " + token);
        return copy;
    }

    public Http withHeader(String name, String value) {
        Http copy = copy();
        copy.headers.put(name, value);
        return copy;
    }

    private Http copy() {
        Http copy = new Http(baseUrl);
        copy.headers.putAll(headers);
        return copy;
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    public Response postJson(String path, Object body) {
        try {
            return send("POST", path, "application/json", JSON.writeValueAsBytes(body));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    public Response send(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response);
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        }
    }

    public record Response(HttpResponse<byte[]> raw) {
        public int status() {
            return raw.statusCode();
        }

        public String contentType() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String text() {
            return new String(raw.body(), StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (Exception e) {
                throw new IllegalStateException("Not JSON: " + text(), e);
            }
        }

        public boolean isProblem() {
            return contentType().startsWith("application/problem+json");
        }

        public String detail() {
            return isProblem() && json().hasNonNull("detail")
                    ? json().get("detail").asText()
                    : null;
        }

        @Override
        public String toString() {
            return status() + " " + contentType() + " " + text();
        }
    }
}
