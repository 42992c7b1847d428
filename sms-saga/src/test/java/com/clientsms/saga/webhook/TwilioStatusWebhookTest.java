package com.clientsms.saga.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.clientsms.saga.gateway.DeliveryReport;
import com.clientsms.saga.gateway.twilio.RequestValidatorSignatures;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The status webhook with the SDK's signature check; the signatures are computed by the test, per Twilio's scheme. */
class TwilioStatusWebhookTest {

    private static final String TOKEN = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    private static final String PUBLIC_BASE_URL = "https://sms.example.org";
    private static final String PATH = "/webhooks/twilio/status?messageId=msg-1";
    private static final Instant NOW = Instant.parse("2026-12-03T10:15:30Z");

    private final List<DeliveryReport> reports = new CopyOnWriteArrayList<>();
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new TwilioStatusWebhook(
                    new RequestValidatorSignatures(new CallbackAuthToken(TOKEN)),
                    new PublicBaseUrl(PUBLIC_BASE_URL + "/"),
                    reports::add,
                    Clock.fixed(NOW, ZoneOffset.UTC)))
            .build();

    @Test
    void signedCallbackBecomesADeliveryReportForOurMessage() throws Exception {
        Map<String, String> form = callback("delivered", null);

        mvc.perform(signed(PATH, form, TwilioSignature.of(TOKEN, PUBLIC_BASE_URL + PATH, form)))
                .andExpect(status().isNoContent());

        assertThat(reports).containsExactly(new DeliveryReport("SMabc", "msg-1", "delivered", null, NOW));
    }

    @Test
    void carrierErrorCodeIsPassedOn() throws Exception {
        Map<String, String> form = callback("undelivered", "30003");

        mvc.perform(signed(PATH, form, TwilioSignature.of(TOKEN, PUBLIC_BASE_URL + PATH, form)))
                .andExpect(status().isNoContent());

        assertThat(reports).containsExactly(new DeliveryReport("SMabc", "msg-1", "undelivered", "30003", NOW));
    }

    @Test
    void unknownStatusIsStillAcknowledged() throws Exception {
        Map<String, String> form = callback("teleported", null);

        mvc.perform(signed(PATH, form, TwilioSignature.of(TOKEN, PUBLIC_BASE_URL + PATH, form)))
                .andExpect(status().isNoContent());
    }

    @Test
    void unsignedCallbackIsForbiddenAndReportsNothing() throws Exception {
        Map<String, String> form = callback("delivered", null);

        mvc.perform(signed(PATH, form, null))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("The request does not carry a valid Twilio signature."));

        assertThat(reports).isEmpty();
    }

    @Test
    void wronglySignedCallbackIsForbiddenAndReportsNothing() throws Exception {
        Map<String, String> form = callback("delivered", null);

        mvc.perform(signed(PATH, form, TwilioSignature.of("not-our-token", PUBLIC_BASE_URL + PATH, form)))
                .andExpect(status().isForbidden());

        assertThat(reports).isEmpty();
    }

    @Test
    void callbackReplayedForAnotherMessageIsForbidden() throws Exception {
        Map<String, String> form = callback("failed", "30008");
        String signatureForMsg1 = TwilioSignature.of(TOKEN, PUBLIC_BASE_URL + PATH, form);

        mvc.perform(signed(PATH.replace("msg-1", "msg-2"), form, signatureForMsg1))
                .andExpect(status().isForbidden());

        assertThat(reports).isEmpty();
    }

    @Test
    void callbackWithATamperedStatusIsForbidden() throws Exception {
        Map<String, String> form = callback("sent", null);
        String signature = TwilioSignature.of(TOKEN, PUBLIC_BASE_URL + PATH, form);

        mvc.perform(signed(PATH, callback("delivered", null), signature)).andExpect(status().isForbidden());

        assertThat(reports).isEmpty();
    }

    @Test
    void signatureOverTheQueryParametersAsPostParametersIsForbidden() throws Exception {
        // The query string is signed as part of the URL, never as a POST parameter.
        Map<String, String> form = callback("delivered", null);
        Map<String, String> withQuery = new TreeMap<>(form);
        withQuery.put("messageId", "msg-1");

        mvc.perform(signed(PATH, form, TwilioSignature.of(TOKEN, PUBLIC_BASE_URL + PATH, withQuery)))
                .andExpect(status().isForbidden());
    }

    @Test
    void applicationUnderAContextPathIsSignedAgainstThePublicUrlOfItsRoot() throws Exception {
        MockMvc underPrefix = MockMvcBuilders.standaloneSetup(new TwilioStatusWebhook(
                        new RequestValidatorSignatures(new CallbackAuthToken(TOKEN)),
                        new PublicBaseUrl("https://example.org/sms"),
                        reports::add,
                        Clock.fixed(NOW, ZoneOffset.UTC)))
                .build();
        Map<String, String> form = callback("sent", null);

        underPrefix
                .perform(signed("/sms" + PATH, form, TwilioSignature.of(TOKEN, "https://example.org/sms" + PATH, form))
                        .contextPath("/sms"))
                .andExpect(status().isNoContent());

        assertThat(reports).containsExactly(new DeliveryReport("SMabc", "msg-1", "sent", null, NOW));
    }

    private static Map<String, String> callback(String status, String errorCode) {
        Map<String, String> form = new TreeMap<>(Map.of(
                "AccountSid", "AC0123456789abcdef0123456789abcdef",
                "ApiVersion", "2010-04-01",
                "From", "+61400000000",
                "MessageSid", "SMabc",
                "MessageStatus", status,
                "SmsSid", "SMabc",
                "SmsStatus", status,
                "To", "+61412345678"));
        if (errorCode != null) {
            form.put("ErrorCode", errorCode);
        }
        return form;
    }

    private static MockHttpServletRequestBuilder signed(
            String pathAndQuery, Map<String, String> form, String signature) {
        MockHttpServletRequestBuilder request = post(pathAndQuery)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(form.entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&")));
        return signature == null ? request : request.header("X-Twilio-Signature", signature);
    }
}
