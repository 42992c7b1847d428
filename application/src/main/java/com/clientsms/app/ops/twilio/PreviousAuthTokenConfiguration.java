package com.clientsms.app.ops.twilio;

import com.clientsms.saga.gateway.twilio.RequestValidatorSignatures;
import com.clientsms.saga.webhook.CallbackAuthToken;
import com.clientsms.saga.webhook.CallbackSignatures;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Rotating Twilio's auth token without rejecting callbacks: while {@code TWILIO_AUTH_TOKEN_PREVIOUS} is set, a status
 * callback signed with the previous token is accepted as well as one signed with {@code TWILIO_AUTH_TOKEN}. Twilio
 * signs with the account's primary token, so between deploying the new token and promoting it in Twilio's console
 * (or the other way round) callbacks arrive signed with either. Unset it once the old token is gone.
 */
@Configuration(proxyBeanMethods = false)
class PreviousAuthTokenConfiguration {

    static final String PREVIOUS_TOKEN = "TWILIO_AUTH_TOKEN_PREVIOUS";

    @Bean
    static BeanPostProcessor acceptPreviousTwilioToken(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                String previous = environment.getProperty(PREVIOUS_TOKEN);
                if (!(bean instanceof CallbackSignatures current) || previous == null || previous.isBlank()) {
                    return bean;
                }
                return new EitherToken(current, new RequestValidatorSignatures(new CallbackAuthToken(previous.trim())));
            }
        };
    }
}
