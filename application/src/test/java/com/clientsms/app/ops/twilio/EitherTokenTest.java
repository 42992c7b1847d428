package com.clientsms.app.ops.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientsms.saga.gateway.twilio.RequestValidatorSignatures;
import com.clientsms.saga.webhook.CallbackAuthToken;
import com.clientsms.saga.webhook.CallbackSignatures;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** During a token rotation, callbacks signed with the old or the new token are both accepted, others are not. */
class EitherTokenTest {

    private static final String URL = "https://sms.example.org/webhooks/twilio/status?messageId=m-1";
    private static final Map<String, String> PARAMS = Map.of("MessageSid", "SM1", "MessageStatus", "delivered");

    @Test
    void whileThePreviousTokenIsSetCallbacksSignedWithEitherTokenAreAccepted() {
        CallbackSignatures signatures = withPrevious("old-token", new RequestValidatorSignatures(token("new-token")));

        assertThat(signatures.isValid(URL, PARAMS, sign("new-token"))).isTrue();
        assertThat(signatures.isValid(URL, PARAMS, sign("old-token"))).isTrue();
        assertThat(signatures.isValid(URL, PARAMS, sign("someone-elses-token"))).isFalse();
        assertThat(signatures.isValid(URL, PARAMS, null)).isFalse();
    }

    @Test
    void withoutAPreviousTokenOnlyTheCurrentOneIsAccepted() {
        CallbackSignatures signatures = withPrevious("", new RequestValidatorSignatures(token("new-token")));

        assertThat(signatures.isValid(URL, PARAMS, sign("new-token"))).isTrue();
        assertThat(signatures.isValid(URL, PARAMS, sign("old-token"))).isFalse();
    }

    private static CallbackSignatures withPrevious(String previous, CallbackSignatures current) {
        var environment = new MockEnvironment().withProperty(PreviousAuthTokenConfiguration.PREVIOUS_TOKEN, previous);
        return (CallbackSignatures) PreviousAuthTokenConfiguration.acceptPreviousTwilioToken(environment)
                .postProcessAfterInitialization(current, "callbackSignatures");
    }

    private static CallbackAuthToken token(String value) {
        return new CallbackAuthToken(value);
    }

    /** Twilio's scheme: HMAC-SHA1 over the URL followed by the sorted POST parameters, Base64. */
    private static String sign(String token) {
        try {
            StringBuilder data = new StringBuilder(URL);
            new TreeMap<>(PARAMS).forEach((name, value) -> data.append(name).append(value));
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
