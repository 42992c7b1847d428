package com.clientsms.app.config;

import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's JDBC storage is auto-configured from the DataSource; tables come from Flyway (the shared kernel's
 * V1__axon_storage.sql). The saga store needs PostgreSQL's dialect (bytea, bigserial) instead of the generic one.
 */
@Configuration(proxyBeanMethods = false)
class AxonStorageConfiguration {

    @Bean
    SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema();
    }
}
