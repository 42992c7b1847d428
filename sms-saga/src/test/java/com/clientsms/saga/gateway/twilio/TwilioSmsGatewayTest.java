package com.clientsms.saga.gateway.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clientsms.saga.gateway.DeliveryReport;
import com.clientsms.saga.gateway.OutboundSms;
import com.clientsms.saga.gateway.SendOutcome;
import com.clientsms.saga.gateway.SendOutcome.Accepted;
import com.clientsms.saga.gateway.SendOutcome.Ambiguous;
import com.clientsms.saga.gateway.SendOutcome.Rejected;
import com.clientsms.saga.gateway.SendOutcome.TransientFailure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.twilio.http.TwilioRestClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter against an in-process fake of Twilio's Messages API. Requests are checked against Twilio's OpenAPI
 * description (path, form fields, basic auth; test resources under {@code twilio/} are extracted from it) and the
 * fake answers with Twilio's own example bodies and error shapes.
 */
class TwilioSmsGatewayTest {

    private static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    private static final String AUTH_TOKEN = "test-auth-token";
    private static final String SERVICE_SID = "MG0123456789abcdef0123456789abcdef";
    private static final String MESSAGES_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
    private static final String TO = "+61412345678";
    private static final String BODY = "Your appointment is at 3pm on Friday. Reply STOP to opt out.";
    private static final OutboundSms SMS = new OutboundSms("msg-1", "practice-1", TO, BODY, 1);
    /** Twilio's date format, as in its examples: "Thu, 30 Jul 2015 20:12:31 +0000". */
    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US);

    private static final ObjectMapper json = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-12-03T10:15:30Z");

    private static WireMockServer twilio;
    private static JsonNode api;

    private BaseUrlHttpClient http;
    private TwilioSmsGateway gateway;

    @BeforeAll
    static void startFakeTwilio() throws IOException {
        twilio = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        twilio.start();
        api = json.readTree(resource("messages-api.json"));
    }

    @AfterAll
    static void stopFakeTwilio() {
        twilio.stop();
    }

    @BeforeEach
    void gatewayOnTheFake() {
        twilio.resetAll();
        gateway = gateway(URI.create(twilio.baseUrl()), Duration.ofSeconds(5), SERVICE_SID, null);
    }

    @AfterEach
    void closeClient() throws IOException {
        http.close();
    }

    @Test
    void createdMessageIsAcceptedWithTwilioMessageSidWhenTheAnswerArrived() throws IOException {
        twilio.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).willReturn(created()));

        SendOutcome outcome = gateway.send(SMS);

        assertThat(outcome).isEqualTo(new Accepted("SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", NOW));
    }

    @Test
    void sendPostsTheFormTwilioDescribesWithBasicAuthAndAStatusCallbackNamingOurMessage() throws IOException {
        twilio.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).willReturn(created()));

        gateway.send(SMS);

        List<LoggedRequest> requests = twilio.findAll(postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.get(0);
        assertThat(api.get("createPath").asText().replace("{AccountSid}", ACCOUNT_SID))
                .isEqualTo(request.getUrl());
        assertThat(request.getHeader("Content-Type"))
                .startsWith(api.get("createContentType").asText());
        assertThat(request.getHeader("Authorization"))
                .isEqualTo("Basic "
                        + Base64.getEncoder()
                                .encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8)));
        assertThat(request.formParameters().keySet())
                .as("every form field is one of CreateMessage's")
                .isSubsetOf(strings(api.get("createParameters")))
                .containsAll(strings(api.get("createRequired")));
        assertThat(request.formParameters().get("To").firstValue()).isEqualTo(TO);
        assertThat(request.formParameters().get("Body").firstValue()).isEqualTo(BODY);
        assertThat(request.formParameters().get("MessagingServiceSid").firstValue())
                .isEqualTo(SERVICE_SID);
        assertThat(request.formParameters().get("StatusCallback").firstValue())
                .isEqualTo("https://sms.example.org/webhooks/twilio/status?messageId=msg-1");
    }

    @Test
    void fromNumberIsSentWhenNoMessagingServiceIsConfigured() throws IOException {
        http.close();
        gateway = gateway(URI.create(twilio.baseUrl()), Duration.ofSeconds(5), null, "+61400000000");
        twilio.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).willReturn(created()));

        gateway.send(SMS);

        LoggedRequest request =
                twilio.findAll(postRequestedFor(urlPathEqualTo(MESSAGES_PATH))).get(0);
        assertThat(request.formParameters().get("From").firstValue()).isEqualTo("+61400000000");
        assertThat(request.formParameters()).doesNotContainKey("MessagingServiceSid");
    }

    @Test
    void invalidNumberIsRejectedForGoodWithAReadableReasonAndTheRawCode() {
        twilio.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).willReturn(twilioError(400, 21211)));

        assertThat(gateway.send(SMS)).isEqualTo(new Rejected("21211", "The number is not a valid phone number."));
    }

    @Test
    void optedOutRecipientIsRejectedWithCode21610() {
        twilio.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).willReturn(twilioError(400, 21610)));

        assertThat(gateway.send(SMS))
                .isEqualTo(new Rejected("21610", "The client has opted out of SMS from the practice (replied STOP)."));
    }

    @Test
    void landlineIsRejectedWithCode21614() {
        twilio.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).willReturn(twilioError(400, 21614)));

        assertThat(gateway.send(SMS))
                .isEqualTo(new Rejected("21614", "The number is not a mobile number, so it cannot receive SMS."));
    }

    @Test
    void unknownTwilioErrorIsRejectedAndKeepsItsCode() {
        twilio.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).willReturn(twilioError(400, 21999)));

        SendOutcome outcome = gateway.send(SMS);

        assertThat(outcome).isInstanceOf(Rejected.class);
        assertThat(((Rejected) outcome).errorCode()).isEqualTo("21999");
        assertThat(((Rejected) outcome).reason()).contains("21999");
    }

    @Test
    void throttlingIsTransient() {
        twilio.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).willReturn(twilioError(429, 20429)));

        SendOutcome outcome = gateway.send(SMS);

        assertThat(outcome).isInstanceOf(TransientFailure.class);
        assertThat(((TransientFailure) outcome).errorCode()).isEqualTo("20429");
        assertThat(twilio.findAll(postRequestedFor(urlPathEqualTo(MESSAGES_PATH))))
                .as("not retried behind the saga's back")
                .hasSize(1);
    }

    @Test
    void serverErrorIsTransientAndNotRepeatedByTheSdk() {
        twilio.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).willReturn(twilioError(500, 20500)));

        assertThat(gateway.send(SMS)).isInstanceOf(TransientFailure.class);
        assertThat(twilio.findAll(postRequestedFor(urlPathEqualTo(MESSAGES_PATH))))
                .hasSize(1);
    }

    @Test
    void unavailableWithAnUnreadableBodyIsTransientWithTheHttpStatus() {
        twilio.stubFor(post(urlPathEqualTo(MESSAGES_PATH))
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html>Service Unavailable</html>")));

        assertThat(gateway.send(SMS))
                .isEqualTo(new TransientFailure(
                        "503", "The carrier's service failed (HTTP 503); the message may be sent later."));
    }

    @Test
    void errorWithoutTwilioErrorShapeIsTransientNotAVerdictOnTheMessage() {
        twilio.stubFor(post(urlPathEqualTo(MESSAGES_PATH))
                .willReturn(aResponse().withStatus(404).withBody("<html>Not Found</html>")));

        assertThat(gateway.send(SMS)).isInstanceOf(TransientFailure.class);
    }

    @Test
    void answerThatNeverComesIsAmbiguous() throws IOException {
        http.close();
        gateway = gateway(URI.create(twilio.baseUrl()), Duration.ofMillis(300), SERVICE_SID, null);
        twilio.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).willReturn(created().withFixedDelay(1_500)));

        assertThat(gateway.send(SMS)).isInstanceOf(Ambiguous.class);
    }

    @Test
    void connectionResetAfterTheRequestWasWrittenIsAmbiguous() {
        twilio.stubFor(
                post(urlPathEqualTo(MESSAGES_PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThat(gateway.send(SMS)).isInstanceOf(Ambiguous.class);
    }

    @Test
    void refusedConnectionIsTransientBecauseNothingWasSent() throws IOException {
        http.close();
        gateway = gateway(URI.create("http://127.0.0.1:" + closedPort()), Duration.ofMillis(500), SERVICE_SID, null);

        SendOutcome outcome = gateway.send(SMS);

        assertThat(outcome).isInstanceOf(TransientFailure.class);
        assertThat(((TransientFailure) outcome).errorCode()).isEqualTo("connect");
    }

    @Test
    void unknownHostIsTransient() throws IOException {
        http.close();
        gateway = gateway(URI.create("http://twilio-fake.invalid"), Duration.ofMillis(500), SERVICE_SID, null);

        assertThat(gateway.send(SMS)).isInstanceOf(TransientFailure.class);
    }

    @Test
    void wrongCredentialsAreTransientNotAFailureOfTheMessage() {
        twilio.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).willReturn(twilioError(401, 20003)));

        assertThat(gateway.send(SMS)).isInstanceOf(TransientFailure.class);
    }

    @Test
    void findListsTheRecipientsMessagesAndPicksOursByBodyAndTime() throws IOException {
        Instant attempt = Instant.parse("2026-12-03T10:00:00Z");
        twilio.stubFor(get(urlPathEqualTo(MESSAGES_PATH))
                .withQueryParam("To", equalTo(TO))
                .willReturn(page(
                        message("SMnewerother", "Another text", attempt.plusSeconds(30)),
                        message("SMours", BODY, attempt.plusSeconds(1)),
                        message("SMyesterday", BODY, attempt.minus(Duration.ofDays(1))))));

        assertThat(gateway.find(SMS, attempt)).contains(new Accepted("SMours", attempt.plusSeconds(1)));

        LoggedRequest request =
                twilio.findAll(getRequestedFor(urlPathEqualTo(MESSAGES_PATH))).get(0);
        assertThat(request.getQueryParams().keySet())
                .as("every query parameter is one of ListMessage's")
                .isSubsetOf(strings(api.get("listQueryParameters")));
    }

    @Test
    void findIsEmptyWhenTwilioNeverGotTheMessage() throws IOException {
        Instant attempt = Instant.parse("2026-12-03T10:00:00Z");
        twilio.stubFor(get(urlPathEqualTo(MESSAGES_PATH))
                .willReturn(page(message("SMyesterday", BODY, attempt.minus(Duration.ofDays(1))))));

        assertThat(gateway.find(SMS, attempt)).isEmpty();
    }

    @Test
    void findThatCannotAskTwilioThrowsRatherThanAnsweringNotFound() {
        twilio.stubFor(get(urlPathEqualTo(MESSAGES_PATH)).willReturn(twilioError(503, 20503)));

        assertThatThrownBy(() -> gateway.find(SMS, Instant.now())).isInstanceOf(TwilioLookupFailed.class);
    }

    @Test
    void currentStatusFetchesTheMessage() throws IOException {
        String sid = "SMb7c0a2ce80504485a6f653a7110836f5";
        twilio.stubFor(get(urlPathEqualTo("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages/" + sid + ".json"))
                .willReturn(okJson(resource("message-fetched.json"))));

        assertThat(gateway.currentStatus(sid, "msg-1"))
                .contains(new DeliveryReport(
                        sid,
                        "msg-1",
                        "sent",
                        "30007",
                        ZonedDateTime.of(2019, 5, 24, 17, 18, 28, 0, ZoneOffset.UTC)
                                .toInstant()));
    }

    @Test
    void currentStatusOfAMessageTwilioDoesNotKnowIsEmpty() {
        twilio.stubFor(get(urlPathEqualTo("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages/SMgone.json"))
                .willReturn(twilioError(404, 20404)));

        assertThat(gateway.currentStatus("SMgone", "msg-1")).isEmpty();
    }

    @Test
    void settingsNeverPrintTheAuthToken() {
        assertThat(settings(URI.create(twilio.baseUrl()), Duration.ofSeconds(1), SERVICE_SID, null)
                        .toString())
                .doesNotContain(AUTH_TOKEN)
                .contains(ACCOUNT_SID);
    }

    private TwilioSmsGateway gateway(URI baseUrl, Duration readTimeout, String serviceSid, String from) {
        TwilioSettings settings = settings(baseUrl, readTimeout, serviceSid, from);
        http = new BaseUrlHttpClient(settings.apiBaseUrl(), settings.connectTimeout(), settings.readTimeout());
        TwilioRestClient client = new TwilioRestClient.Builder(ACCOUNT_SID, AUTH_TOKEN)
                .httpClient(http)
                .build();
        return new TwilioSmsGateway(settings, client, http, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static TwilioSettings settings(URI baseUrl, Duration readTimeout, String serviceSid, String from) {
        return new TwilioSettings(
                ACCOUNT_SID,
                AUTH_TOKEN,
                serviceSid,
                from,
                baseUrl,
                "https://sms.example.org",
                Duration.ofSeconds(1),
                readTimeout);
    }

    private static ResponseDefinitionBuilder created() throws IOException {
        return aResponse()
                .withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody(resource("message-created.json"));
    }

    private static ResponseDefinitionBuilder okJson(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    /** Twilio's error body: code, message, more_info, status. */
    private static ResponseDefinitionBuilder twilioError(int status, int code) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\": " + code + ", \"message\": \"Error " + code
                        + "\", \"more_info\": \"https://www.twilio.com/docs/errors/" + code + "\", \"status\": "
                        + status + "}");
    }

    private static ObjectNode message(String sid, String body, Instant created) throws IOException {
        ObjectNode message = (ObjectNode) json.readTree(resource("message-created.json"));
        message.put("sid", sid);
        message.put("body", body);
        message.put("to", TO);
        message.put("messaging_service_sid", SERVICE_SID);
        message.put("date_created", RFC_2822.format(created.atZone(ZoneOffset.UTC)));
        message.putNull("date_sent");
        return message;
    }

    private static ResponseDefinitionBuilder page(ObjectNode... messages) throws IOException {
        ObjectNode page = (ObjectNode) json.readTree(resource("message-list.json"));
        ArrayNode list = page.putArray("messages");
        for (ObjectNode message : messages) {
            list.add(message);
        }
        page.putNull("next_page_uri");
        return okJson(json.writeValueAsString(page));
    }

    private static Set<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values.stream().collect(Collectors.toSet());
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String resource(String name) throws IOException {
        try (InputStream in = TwilioSmsGatewayTest.class.getResourceAsStream("/twilio/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
