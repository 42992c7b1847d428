package com.clientsms.saga.gateway.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.clientsms.saga.gateway.DeliveryReport;
import com.clientsms.saga.webhook.CallbackAuthToken;
import com.clientsms.saga.webhook.PublicBaseUrl;
import com.clientsms.saga.webhook.TwilioSignature;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.twilio.security.RequestValidator;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator's callbacks look and are signed like Twilio's. */
class SignedCallbackPosterTest {

    private static final String TOKEN = "simulator-token";

    private WireMockServer webhook;

    @BeforeEach
    void start() {
        webhook = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        webhook.start();
        webhook.stubFor(post(urlPathEqualTo("/webhooks/twilio/status"))
                .willReturn(aResponse().withStatus(204)));
    }

    @AfterEach
    void stop() {
        webhook.stop();
    }

    @Test
    void postsATwilioShapedFormSignedWithTheSimulatorToken() {
        var poster = new SignedCallbackPoster(new PublicBaseUrl(webhook.baseUrl()), new CallbackAuthToken(TOKEN));

        poster.report(new DeliveryReport("SM123", "msg 1/a", "undelivered", "30003", Instant.now()));

        LoggedRequest request = webhook.findAll(postRequestedFor(urlPathEqualTo("/webhooks/twilio/status")))
                .get(0);
        Map<String, String> form = new TreeMap<>();
        request.formParameters().forEach((name, values) -> form.put(name, values.firstValue()));
        assertThat(form)
                .containsEntry("MessageSid", "SM123")
                .containsEntry("MessageStatus", "undelivered")
                .containsEntry("ErrorCode", "30003");
        assertThat(request.queryParameter("messageId").firstValue()).isEqualTo("msg 1/a");
        String url = webhook.baseUrl() + request.getUrl();
        String signature = request.getHeader("X-Twilio-Signature");
        assertThat(signature).isEqualTo(TwilioSignature.of(TOKEN, url, form));
        assertThat(new RequestValidator(TOKEN).validate(url, form, signature)).isTrue();
    }
}
