package com.clientsms.saga.gateway.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientsms.saga.webhook.CallbackAuthToken;
import com.clientsms.saga.webhook.TwilioSignature;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestValidatorSignaturesTest {

    private static final String TOKEN = "f2a8c1e0b7d64a3e9c5b1d2e3f4a5b6c";
    private static final String URL = "https://sms.example.org/webhooks/twilio/status?messageId=msg-1";
    private static final Map<String, String> CALLBACK = Map.of(
            "AccountSid", "AC0123456789abcdef0123456789abcdef",
            "ApiVersion", "2010-04-01",
            "From", "+61400000000",
            "MessageSid", "SM0123456789abcdef0123456789abcdef",
            "MessageStatus", "delivered",
            "SmsSid", "SM0123456789abcdef0123456789abcdef",
            "SmsStatus", "delivered",
            "To", "+61412345678");

    private final RequestValidatorSignatures signatures = new RequestValidatorSignatures(new CallbackAuthToken(TOKEN));

    @Test
    void twilioDocumentedExampleIsValid() {
        // The example from Twilio's "Validating requests" documentation: auth token 12345.
        var documented = new RequestValidatorSignatures(new CallbackAuthToken("12345"));
        Map<String, String> params = Map.of(
                "CallSid", "CA1234567890ABCDE",
                "Caller", "+12349013030",
                "Digits", "1234",
                "From", "+12349013030",
                "To", "+18005551212");

        assertThat(documented.isValid(
                        "https://mycompany.com/myapp.php?foo=1&bar=2", params, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="))
                .isTrue();
        assertThat(TwilioSignature.of("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", params))
                .as("the test's own signer agrees with the documented vector")
                .isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
    }

    @Test
    void callbackSignedWithOurTokenIsValid() {
        assertThat(signatures.isValid(URL, CALLBACK, TwilioSignature.of(TOKEN, URL, CALLBACK)))
                .isTrue();
    }

    @Test
    void callbackForAnotherMessageIdIsInvalid() {
        String signature = TwilioSignature.of(TOKEN, URL, CALLBACK);

        assertThat(signatures.isValid(URL.replace("msg-1", "msg-2"), CALLBACK, signature))
                .isFalse();
    }

    @Test
    void callbackToAnotherHostIsInvalid() {
        String signature = TwilioSignature.of(TOKEN, URL, CALLBACK);

        assertThat(signatures.isValid(URL.replace("sms.example.org", "evil.example.org"), CALLBACK, signature))
                .isFalse();
    }

    @Test
    void tamperedStatusIsInvalid() {
        String signature = TwilioSignature.of(TOKEN, URL, CALLBACK);
        Map<String, String> tampered = new HashMap<>(CALLBACK);
        tampered.put("MessageStatus", "failed");

        assertThat(signatures.isValid(URL, tampered, signature)).isFalse();
    }

    @Test
    void addedParameterIsInvalid() {
        String signature = TwilioSignature.of(TOKEN, URL, CALLBACK);
        Map<String, String> tampered = new HashMap<>(CALLBACK);
        tampered.put("ErrorCode", "21610");

        assertThat(signatures.isValid(URL, tampered, signature)).isFalse();
    }

    @Test
    void signatureMadeWithAnotherTokenIsInvalid() {
        assertThat(signatures.isValid(URL, CALLBACK, TwilioSignature.of("another-token", URL, CALLBACK)))
                .isFalse();
    }

    @Test
    void tamperedOrMissingSignatureIsInvalid() {
        String signature = TwilioSignature.of(TOKEN, URL, CALLBACK);
        String flipped = (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1);

        assertThat(signatures.isValid(URL, CALLBACK, flipped)).isFalse();
        assertThat(signatures.isValid(URL, CALLBACK, "")).isFalse();
        assertThat(signatures.isValid(URL, CALLBACK, null)).isFalse();
    }
}
