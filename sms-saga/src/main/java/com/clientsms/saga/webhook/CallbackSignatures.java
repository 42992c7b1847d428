package com.clientsms.saga.webhook;

import java.util.Map;

/**
 * Checks Twilio's {@code X-Twilio-Signature} on a status callback. An interface so that this package stays free of
 * the Twilio SDK: the implementation, with the SDK's {@code RequestValidator}, lives in {@code gateway.twilio}.
 */
public interface CallbackSignatures {

    /**
     * @param url the full URL Twilio called: the public base URL, the path and the query string as received
     * @param formParameters the POST body's parameters (not the query string's)
     * @param signature the header's value, or null when the header is missing
     */
    boolean isValid(String url, Map<String, String> formParameters, String signature);
}
