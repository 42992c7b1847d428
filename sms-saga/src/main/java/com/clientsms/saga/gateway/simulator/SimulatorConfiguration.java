package com.clientsms.saga.gateway.simulator;

import com.clientsms.saga.gateway.DeliveryReports;
import com.clientsms.saga.webhook.CallbackAuthToken;
import com.clientsms.saga.webhook.PublicBaseUrl;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The simulated carrier is the gateway unless {@code TWILIO_ACCOUNT_SID} is set. In an application with a web server
 * it reports through the status webhook, signed like Twilio with {@code clientsms.simulator.auth-token} (random per
 * start when unset), so the default run exercises the webhook and its signature check; without a web server (module
 * tests) it hands its reports straight to the in-process recorder.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoTwilioAccount.class)
@EnableConfigurationProperties(SimulatorProperties.class)
class SimulatorConfiguration {

    @Bean(destroyMethod = "close")
    SimulatedSmsGateway simulatedSmsGateway(
            SimulatorProperties properties,
            DeliveryReports reports,
            ApplicationContext context,
            ObjectProvider<PublicBaseUrl> publicBaseUrl,
            CallbackAuthToken token) {
        DeliveryReports callbacks = context instanceof WebServerApplicationContext
                ? new SignedCallbackPoster(publicBaseUrl.getObject(), token)
                : reports;
        return new SimulatedSmsGateway(properties, callbacks);
    }

    /** The secret the simulator signs its callbacks with, and the webhook checks them against. */
    @Bean
    CallbackAuthToken simulatorCallbackAuthToken(@Value("${clientsms.simulator.auth-token:}") String configured) {
        if (configured != null && !configured.isBlank()) {
            return new CallbackAuthToken(configured);
        }
        byte[] random = new byte[20];
        new SecureRandom().nextBytes(random);
        return new CallbackAuthToken(HexFormat.of().formatHex(random));
    }
}
