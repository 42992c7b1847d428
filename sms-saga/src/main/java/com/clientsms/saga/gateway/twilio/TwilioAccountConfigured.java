package com.clientsms.saga.gateway.twilio;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Twilio is the gateway exactly when {@code TWILIO_ACCOUNT_SID} is set and not blank. */
class TwilioAccountConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return TwilioSettings.isSet(context.getEnvironment(), TwilioSettings.ACCOUNT_SID);
    }
}
