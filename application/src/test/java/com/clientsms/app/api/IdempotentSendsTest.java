package com.clientsms.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The send endpoints with an Idempotency-Key: a retry never sends twice, a reused key never sends something else. */
class IdempotentSendsTest extends RunningApplication {

    /**
     * What requests recorded: single messages and broadcasts. A broadcast's messages are requested afterwards by the
     * fan-out (aggregate type BroadcastPart), on its own time, so they would move any total taken meanwhile.
     */
    private long messagesRequested() {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%.BroadcastRequested'"
                        + " OR (payloadtype LIKE '%.MessageRequested' AND type <> 'BroadcastPart')",
                Long.class);
    }

    @Test
    void theSameKeyAndRequestAnswersTheFirstResultWithoutSendingAgain() {
        Http practitioner = as("practitioner1")
                .withHeader("Idempotency-Key", UUID.randomUUID().toString());
        Map<String, String> request = Map.of("body", "Your appointment is at 3pm on Thursday.");

        Http.Response first = practitioner.postJson("/api/clients/" + OWN_CLIENT + "/messages", request);
        long sent = messagesRequested();
        Http.Response retry = practitioner.postJson("/api/clients/" + OWN_CLIENT + "/messages", request);

        assertThat(first.status()).isEqualTo(202);
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(messagesRequested()).isEqualTo(sent);
    }

    @Test
    void aBroadcastRetriedWithItsKeyTargetsNobodyTwice() {
        Http admin = as("admin").withHeader("Idempotency-Key", "broadcast-" + UUID.randomUUID());
        Map<String, String> request = Map.of("body", "The practice closes at noon today.");

        Http.Response first = admin.postJson("/api/broadcasts", request);
        long sent = messagesRequested();
        Http.Response retry = admin.postJson("/api/broadcasts", request);

        assertThat(retry.json().get("broadcastId")).isEqualTo(first.json().get("broadcastId"));
        assertThat(messagesRequested()).isEqualTo(sent);
    }

    @Test
    void theSameKeyWithADifferentRequestIsRefusedWith422() {
        Http admin = as("admin").withHeader("Idempotency-Key", UUID.randomUUID().toString());
        admin.postJson("/api/groups/" + OWN_GROUP + "/messages", Map.of("body", "Group moved to room 2."));
        long sent = messagesRequested();

        Http.Response otherBody =
                admin.postJson("/api/groups/" + OWN_GROUP + "/messages", Map.of("body", "Group moved to room 3."));
        Http.Response otherPath = admin.postJson("/api/broadcasts", Map.of("body", "Group moved to room 2."));

        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.detail()).contains("Idempotency-Key");
        assertThat(otherPath.status()).isEqualTo(422);
        assertThat(messagesRequested()).isEqualTo(sent);
    }

    @Test
    void keysBelongToOneMemberOfStaff() {
        String key = UUID.randomUUID().toString();
        Map<String, String> request = Map.of("body", "Reminder: bring your forms.");

        Http.Response admin = as("admin")
                .withHeader("Idempotency-Key", key)
                .postJson("/api/clients/" + OWN_CLIENT + "/messages", request);
        Http.Response superuser = as("superuser")
                .withHeader("Idempotency-Key", key)
                .postJson("/api/clients/" + OWN_CLIENT + "/messages", request);

        assertThat(admin.status()).isEqualTo(202);
        assertThat(superuser.status()).isEqualTo(202);
        assertThat(superuser.json().get("messageId")).isNotEqualTo(admin.json().get("messageId"));
    }

    @Test
    void concurrentDuplicatesSendOnce() throws Exception {
        Http admin = as("admin").withHeader("Idempotency-Key", UUID.randomUUID().toString());
        Map<String, String> request = Map.of("body", "Only once, please.");
        long before = messagesRequested();
        Callable<Http.Response> send = () -> admin.postJson("/api/clients/harbour-client-05/messages", request);

        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Http.Response> responses;
        try {
            List<Future<Http.Response>> futures = pool.invokeAll(List.of(send, send, send, send, send, send));
            responses = futures.stream()
                    .map(f -> {
                        try {
                            return f.get();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .toList();
        } finally {
            pool.shutdownNow();
        }

        assertThat(responses).extracting(Http.Response::status).allMatch(s -> s == 202 || s == 409);
        assertThat(responses).filteredOn(r -> r.status() == 409).allSatisfy(r -> assertThat(r.detail())
                .contains("still being processed"));
        assertThat(responses.stream()
                        .filter(r -> r.status() == 202)
                        .map(r -> r.json().get("messageId"))
                        .distinct())
                .hasSize(1);
        assertThat(messagesRequested() - before).isEqualTo(1);
    }

    @Test
    void aRefusedRequestIsAnsweredTheSameWhenRetried() {
        Http practitioner = as("practitioner1")
                .withHeader("Idempotency-Key", UUID.randomUUID().toString());
        Map<String, String> request = Map.of("body", "Not my client.");

        Http.Response first =
                practitioner.postJson("/api/clients/" + OTHER_PRACTITIONERS_CLIENT + "/messages", request);
        Http.Response retry =
                practitioner.postJson("/api/clients/" + OTHER_PRACTITIONERS_CLIENT + "/messages", request);

        assertThat(first.status()).isEqualTo(403);
        assertThat(retry.status()).isEqualTo(403);
        assertThat(retry.contentType()).startsWith("application/problem+json");
        assertThat(retry.detail()).isEqualTo(first.detail());
    }
}
