package com.clientsms.app.ops.twilio;

import com.clientsms.saga.webhook.CallbackSignatures;
import java.util.Map;

/** A callback signature is valid when the current token or the previous one produced it. */
record EitherToken(CallbackSignatures current, CallbackSignatures previous) implements CallbackSignatures {

    @Override
    public boolean isValid(String url, Map<String, String> formParameters, String signature) {
        return current.isValid(url, formParameters, signature) || previous.isValid(url, formParameters, signature);
    }
}
