package com.clientsms.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientsms.app.api.Http;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The pages and their endpoints enforce the same rules as the API, because the same aggregates and query handlers
 * decide: what a role may not do is refused with the domain's sentence and changes nothing. Also: a form is sent at
 * most once, and the audience preview says what the send then does.
 */
class WebFrontAuthorizationTest extends WebFrontApplication {

    @Test
    void practitionerGets403OnTheAuditPageAndItsExport() {
        WebSession practitioner = WebSession.signedIn(baseUrl(), "practitioner1");

        WebSession.Page audit = practitioner.get("/audit");

        assertThat(audit.status()).isEqualTo(403);
        assertThat(audit.html())
                .contains("Only compliance officers, administrators and superusers can read the audit log.");
        assertThat(practitioner.get("/audit/export?format=csv").status()).isEqualTo(403);
        assertThat(practitioner.get("/audit?verify=true").status()).isEqualTo(403);
    }

    @Test
    void complianceOfficerAdminAndSuperuserMayOpenTheAuditPageAsInTheApi() {
        for (String user : List.of("compliance", "admin", "superuser")) {
            assertThat(WebSession.signedIn(baseUrl(), user).get("/audit").status())
                    .as(user)
                    .isEqualTo(200);
        }
    }

    @Test
    void practitionerCannotBroadcastOrTextAGroupThroughThePage() {
        WebSession practitioner = WebSession.signedIn(baseUrl(), "practitioner1");
        long messages = messagesRequested();
        long broadcasts = broadcastsRequested();

        HttpResponse<String> all =
                practitioner.post("/compose", composeForm(practitioner, "all", null, null, "Hi all"));
        HttpResponse<String> group =
                practitioner.post("/compose", composeForm(practitioner, "group", null, ANXIETY_GROUP, "Hi group"));

        assertThat(all.statusCode()).isEqualTo(403);
        assertThat(all.body()).contains("Only administrators and superusers can send to all clients.");
        assertThat(group.statusCode()).isEqualTo(403);
        assertThat(group.body()).contains("Only administrators and superusers can send to a group.");
        assertThat(practitioner.get("/compose/audience?audience=all").status()).isEqualTo(403);
        assertThat(practitioner
                        .get("/compose/audience?audience=group&groupId=" + ANXIETY_GROUP)
                        .status())
                .isEqualTo(403);
        assertThat(messagesRequested()).isEqualTo(messages);
        assertThat(broadcastsRequested()).isEqualTo(broadcasts);
    }

    @Test
    void practitionerCannotResendABroadcastOrReadBroadcastOutcomes() {
        String broadcastId = api("admin")
                .postJson("/api/groups/" + ANXIETY_GROUP + "/messages", Map.of("body", "Group moved to 6pm."))
                .json()
                .get("broadcastId")
                .asText();
        WebSession practitioner = WebSession.signedIn(baseUrl(), "practitioner1");
        long broadcasts = broadcastsRequested();
        Map<String, String> form = new HashMap<>(practitioner.get("/compose").hidden());

        HttpResponse<String> resend = practitioner.post("/broadcasts/" + broadcastId + "/resend-failed", form);

        assertThat(resend.statusCode()).isEqualTo(403);
        assertThat(resend.body()).contains("Only administrators and superusers can resend a broadcast.");
        assertThat(broadcastsRequested()).isEqualTo(broadcasts);
        assertThat(practitioner.get("/broadcasts").status()).isEqualTo(403);
        assertThat(practitioner.get("/broadcasts/" + broadcastId + "/outcome").status())
                .isEqualTo(403);
    }

    @Test
    void practitionerSeesOnlyTheirOwnClientsAndNoOtherPractice() {
        WebSession practitioner = WebSession.signedIn(baseUrl(), "practitioner1");

        assertThat(practitioner.get("/clients/" + OWN_CLIENT).status()).isEqualTo(200);
        assertThat(practitioner.get("/clients/" + OTHER_PRACTITIONERS_CLIENT).status())
                .isEqualTo(403);
        assertThat(practitioner.get("/clients/" + OTHER_PRACTICES_CLIENT).status())
                .isEqualTo(404);
        String offered = practitioner.get("/compose/clients?q=").html();
        assertThat(offered).contains(OWN_CLIENT).doesNotContain(OTHER_PRACTITIONERS_CLIENT + "\"");
        long messages = messagesRequested();

        HttpResponse<String> other = practitioner.post(
                "/compose", composeForm(practitioner, "client", OTHER_PRACTITIONERS_CLIENT, null, "Hello"));

        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).contains("You can only text clients linked to you.");
        assertThat(messagesRequested()).isEqualTo(messages);
    }

    @Test
    void complianceOfficerHasNoComposeFormAndCannotSendThroughThePage() {
        WebSession compliance = WebSession.signedIn(baseUrl(), "compliance");
        assertThat(compliance.get("/compose").html()).doesNotContain("id=\"compose-form\"");
        long messages = messagesRequested();

        HttpResponse<String> sent =
                compliance.post("/compose", composeForm(compliance, "client", OWN_CLIENT, null, "Hello"));

        assertThat(sent.statusCode()).isEqualTo(403);
        assertThat(sent.body()).contains("Compliance officers read the message history; they cannot send messages.");
        assertThat(messagesRequested()).isEqualTo(messages);
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefusedAndSendsNothing() {
        WebSession admin = WebSession.signedIn(baseUrl(), "admin");
        long messages = messagesRequested();
        Map<String, String> form = composeForm(admin, "client", OWN_CLIENT, null, "Forged");
        form.remove("_csrf");

        assertThat(admin.post("/compose", form).statusCode()).isEqualTo(403);
        assertThat(messagesRequested()).isEqualTo(messages);
    }

    @Test
    void pagesAskAnonymousVisitorsToSignIn() {
        WebSession anonymous = WebSession.anonymous(baseUrl());

        for (String path : List.of("/", "/compose", "/clients/" + OWN_CLIENT, "/broadcasts", "/audit")) {
            WebSession.Page page = anonymous.get(path);
            assertThat(page.status()).as(path).isEqualTo(302);
            assertThat(page.response().headers().firstValue("Location").orElse(""))
                    .as(path)
                    .endsWith("/login");
        }
        assertThat(anonymous.get("/login").status()).isEqualTo(200);
        assertThat(anonymous.get("/css/app.css").status()).isEqualTo(200);
    }

    @Test
    void theSameFormPostedTwiceSendsOnceAndPointsToTheFirstResult() {
        WebSession practitioner = WebSession.signedIn(baseUrl(), "practitioner1");
        Map<String, String> form = composeForm(practitioner, "client", OWN_CLIENT, null, "Please call us back.");
        long messages = messagesRequested();

        HttpResponse<String> first = practitioner.post("/compose", form);
        HttpResponse<String> second = practitioner.post("/compose", form);

        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(second.statusCode()).isEqualTo(302);
        assertThat(messagesRequested()).isEqualTo(messages + 1);
        String result = practitioner.get("/compose").html();
        assertThat(result).contains("This message was already sent.").contains("/clients/" + OWN_CLIENT + "#message-");
    }

    @Test
    void aRefusedSendKeepsWhatWasTypedAndCanBeSentOnceCorrected() {
        WebSession practitioner = WebSession.signedIn(baseUrl(), "practitioner1");
        Map<String, String> form = composeForm(practitioner, "client", OWN_CLIENT, null, "x".repeat(641));
        long messages = messagesRequested();

        HttpResponse<String> refused = practitioner.post("/compose", form);
        form.put("body", "Corrected text.");
        HttpResponse<String> corrected = practitioner.post("/compose", form);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("The message has 641 characters; the maximum is 640.")
                .contains("x".repeat(641));
        assertThat(corrected.statusCode()).isEqualTo(302);
        assertThat(messagesRequested()).isEqualTo(messages + 1);
    }

    @Test
    void withoutItsScriptTheComposePageSearchesClientsAndKeepsTheDraft() {
        WebSession admin = WebSession.signedIn(baseUrl(), "admin");
        Map<String, String> form = composeForm(admin, "client", null, null, "A draft, not sent yet.");
        form.put("action", "search");
        form.put("q", "charlotte brown");
        long messages = messagesRequested();

        HttpResponse<String> page = admin.post("/compose", form);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("value=\"harbour-client-03\"")
                .contains("Charlotte Brown")
                .doesNotContain("Olivia Kelly")
                .contains("A draft, not sent yet.");
        assertThat(messagesRequested()).isEqualTo(messages);
    }

    @Test
    void theAudiencePreviewSaysWhatTheSendThenDoes() {
        WebSession admin = WebSession.signedIn(baseUrl(), "admin");
        Http api = api("admin");
        List<String> groups = StreamSupport.stream(api.get("/api/groups").json().spliterator(), false)
                .map(g -> g.get("id").asText())
                .toList();
        Map<String, String> previews = new LinkedHashMap<>();
        previews.put("/compose/audience?audience=all", "/api/broadcasts");
        groups.forEach(
                g -> previews.put("/compose/audience?audience=group&groupId=" + g, "/api/groups/" + g + "/messages"));

        previews.forEach((previewPath, sendPath) -> {
            JsonNode preview = jsonOf(admin.get(previewPath));
            JsonNode sent =
                    api.postJson(sendPath, Map.of("body", "Preview check")).json();

            assertThat(preview.get("targeted").asInt())
                    .as(previewPath)
                    .isEqualTo(sent.get("targeted").asInt());
            assertThat(skipped(preview.get("skippedClients"))).as(previewPath).isEqualTo(skipped(sent.get("skipped")));
            assertThat(preview.get("sentence").asText())
                    .startsWith(sent.get("targeted").asInt() + " client");
        });
    }

    private static Set<String> skipped(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false)
                .map(s -> s.get("clientId").asText() + ":" + s.get("reason").asText())
                .collect(Collectors.toSet());
    }

    private static JsonNode jsonOf(WebSession.Page page) {
        assertThat(page.status()).as(page.html()).isEqualTo(200);
        try {
            return new ObjectMapper().readTree(page.html());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The compose form as the page renders it for this person, filled in. */
    private static Map<String, String> composeForm(
            WebSession session, String audience, String clientId, String groupId, String body) {
        Map<String, String> form = new HashMap<>(session.get("/compose").hidden());
        form.put("audience", audience);
        form.put("action", "send");
        form.put("body", body);
        if (clientId != null) {
            form.put("clientId", clientId);
        }
        if (groupId != null) {
            form.put("groupId", groupId);
        }
        return form;
    }
}
