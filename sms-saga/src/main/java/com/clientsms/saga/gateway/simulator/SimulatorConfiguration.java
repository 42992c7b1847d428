package com.clientsms.saga.gateway.simulator;

import com.clientsms.saga.gateway.DeliveryReports;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The simulated carrier is the gateway unless {@code clientsms.gateway} names another one (e.g. twilio). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "clientsms.gateway", havingValue = "simulator", matchIfMissing = true)
@EnableConfigurationProperties(SimulatorProperties.class)
class SimulatorConfiguration {

    @Bean(destroyMethod = "close")
    SimulatedSmsGateway simulatedSmsGateway(SimulatorProperties properties, DeliveryReports reports) {
        return new SimulatedSmsGateway(properties, reports);
    }
}
