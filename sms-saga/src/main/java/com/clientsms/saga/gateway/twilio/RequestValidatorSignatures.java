package com.clientsms.saga.gateway.twilio;

import com.clientsms.saga.webhook.CallbackAuthToken;
import com.clientsms.saga.webhook.CallbackSignatures;
import com.twilio.security.RequestValidator;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Checks callback signatures with the SDK's {@link RequestValidator}. Active whichever gateway is configured: the
 * simulator signs its callbacks the way Twilio does, with its own token, so both go through the same check. Public
 * only so that the webhook's tests can check real signatures.
 */
@Component
public class RequestValidatorSignatures implements CallbackSignatures {

    private final RequestValidator validator;

    public RequestValidatorSignatures(CallbackAuthToken token) {
        this.validator = new RequestValidator(token.value());
    }

    @Override
    public boolean isValid(String url, Map<String, String> formParameters, String signature) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        try {
            return validator.validate(url, formParameters, signature);
        } catch (RuntimeException e) {
            // A malformed URL or parameters cannot carry a valid signature.
            return false;
        }
    }
}
