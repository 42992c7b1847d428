package com.clientsms.saga.gateway.simulator;

import com.clientsms.saga.gateway.DeliveryReport;
import com.clientsms.saga.gateway.DeliveryReports;
import com.clientsms.saga.webhook.CallbackAuthToken;
import com.clientsms.saga.webhook.PublicBaseUrl;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports the simulated carrier's statuses the way Twilio does: a form-encoded POST to the status webhook at the
 * public base URL, with our message id in the query string and an {@code X-Twilio-Signature} computed from the
 * simulator's token. So the default run exercises the same webhook, signature check included, as production.
 * Like Twilio, it does not retry a callback that fails; reconciliation looks such messages up later.
 */
public class SignedCallbackPoster implements DeliveryReports {

    static final String ACCOUNT_SID = "AC00000000000000000000000000000000";
    private static final String PATH = "/webhooks/twilio/status";
    private static final Duration SERVER_START_WAIT = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(SignedCallbackPoster.class);

    private final PublicBaseUrl publicBaseUrl;
    private final CallbackAuthToken token;
    private final HttpClient http;

    public SignedCallbackPoster(PublicBaseUrl publicBaseUrl, CallbackAuthToken token) {
        this.publicBaseUrl = publicBaseUrl;
        this.token = token;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @Override
    public void report(DeliveryReport report) {
        String baseUrl = publicBaseUrl.await(SERVER_START_WAIT).orElse(null);
        if (baseUrl == null) {
            log.warn(
                    "No public base URL is known; status '{}' of message {} is dropped",
                    report.carrierStatus(),
                    report.messageId());
            return;
        }
        String url = baseUrl + PATH + "?messageId=" + URLEncoder.encode(report.messageId(), StandardCharsets.UTF_8);
        Map<String, String> form = twilioForm(report);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("X-Twilio-Signature", sign(token.value(), url, form))
                .header("User-Agent", "client-sms simulated carrier")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() >= 300) {
                log.warn(
                        "Status callback '{}' for message {} was answered {}",
                        report.carrierStatus(),
                        report.messageId(),
                        response.statusCode());
            }
        } catch (java.io.IOException e) {
            log.warn(
                    "Status callback '{}' for message {} failed: {}",
                    report.carrierStatus(),
                    report.messageId(),
                    e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The parameters Twilio posts in a message status callback (those the simulator knows). */
    static Map<String, String> twilioForm(DeliveryReport report) {
        Map<String, String> form = new TreeMap<>();
        form.put("AccountSid", ACCOUNT_SID);
        form.put("ApiVersion", "2010-04-01");
        form.put("MessageSid", report.providerMessageId());
        form.put("SmsSid", report.providerMessageId());
        form.put("MessageStatus", report.carrierStatus());
        form.put("SmsStatus", report.carrierStatus());
        if (report.errorCode() != null) {
            form.put("ErrorCode", report.errorCode());
        }
        return form;
    }

    /** Twilio's scheme: Base64(HMAC-SHA1(token, url + each POST parameter's name and value, sorted by name)). */
    static String sign(String authToken, String url, Map<String, String> form) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(form).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
