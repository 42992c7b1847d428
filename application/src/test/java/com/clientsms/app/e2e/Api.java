package com.clientsms.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** Drives the API over HTTP the way a user's tool would, as one demo user. Never throws on 4xx/5xx. */
final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestClient http;

    private Api(RestClient http) {
        this.http = http;
    }

    static Api as(String baseUrl, String username) {
        String basic = Base64.getEncoder().encodeToString((username + ":demo").getBytes(StandardCharsets.UTF_8));
        return new Api(RestClient.builder()
                .baseUrl(baseUrl)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Basic " + basic)
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build());
    }

    static Api anonymous(String baseUrl) {
        return new Api(RestClient.builder()
                .baseUrl(baseUrl)
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build());
    }

    ResponseEntity<JsonNode> get(String path) {
        return http.get().uri(path).retrieve().toEntity(JsonNode.class);
    }

    ResponseEntity<JsonNode> post(String path, Object body) {
        return postRaw(path, write(body));
    }

    ResponseEntity<JsonNode> postRaw(String path, String rawJson) {
        return http.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(rawJson)
                .retrieve()
                .toEntity(JsonNode.class);
    }

    ResponseEntity<JsonNode> put(String path, String rawJson) {
        return http.put()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(rawJson)
                .retrieve()
                .toEntity(JsonNode.class);
    }

    ResponseEntity<JsonNode> send(String clientId, String body) {
        return post("/api/clients/" + clientId + "/messages", Map.of("body", body));
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
