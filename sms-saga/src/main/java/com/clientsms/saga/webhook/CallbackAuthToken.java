package com.clientsms.saga.webhook;

/**
 * The secret that signs status callbacks: Twilio's auth token when Twilio is the gateway, the simulator's own token
 * otherwise. Never printed.
 */
public record CallbackAuthToken(String value) {

    public CallbackAuthToken {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A callback auth token must not be blank");
        }
    }

    @Override
    public String toString() {
        return "CallbackAuthToken[****]";
    }
}
