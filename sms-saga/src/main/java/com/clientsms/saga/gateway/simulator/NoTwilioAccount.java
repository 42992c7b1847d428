package com.clientsms.saga.gateway.simulator;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The simulator is the gateway exactly when {@code TWILIO_ACCOUNT_SID} is unset or blank: the complement of the
 * Twilio adapter's condition (a test in {@code gateway.twilio} holds the two together).
 */
class NoTwilioAccount implements Condition {

    static final String TWILIO_ACCOUNT_SID = "TWILIO_ACCOUNT_SID";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String sid = context.getEnvironment().getProperty(TWILIO_ACCOUNT_SID);
        return sid == null || sid.isBlank();
    }
}
