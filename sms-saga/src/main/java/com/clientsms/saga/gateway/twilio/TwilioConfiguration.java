package com.clientsms.saga.gateway.twilio;

import com.clientsms.saga.webhook.CallbackAuthToken;
import com.twilio.http.TwilioRestClient;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Twilio is the SMS gateway when {@code TWILIO_ACCOUNT_SID} is set (the simulator steps aside by the opposite
 * condition). The REST client is our own, not the SDK's static {@code Twilio.init}, so that tests and the
 * application never share global state.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(TwilioAccountConfigured.class)
class TwilioConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TwilioConfiguration.class);

    @Bean
    TwilioSettings twilioSettings(Environment environment) {
        TwilioSettings settings = TwilioSettings.from(environment);
        log.info("SMS gateway: Twilio ({})", settings);
        return settings;
    }

    @Bean(destroyMethod = "close")
    BaseUrlHttpClient twilioHttpClient(TwilioSettings settings) {
        return new BaseUrlHttpClient(settings.apiBaseUrl(), settings.connectTimeout(), settings.readTimeout());
    }

    @Bean
    TwilioSmsGateway twilioSmsGateway(TwilioSettings settings, BaseUrlHttpClient http) {
        TwilioRestClient client = new TwilioRestClient.Builder(settings.accountSid(), settings.authToken())
                .httpClient(http)
                .build();
        return new TwilioSmsGateway(settings, client, http, Clock.systemUTC());
    }

    /** Twilio signs its callbacks with the account's auth token. */
    @Bean
    CallbackAuthToken twilioCallbackAuthToken(TwilioSettings settings) {
        return new CallbackAuthToken(settings.authToken());
    }
}
