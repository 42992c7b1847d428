package com.clientsms.app;

import org.axonframework.springboot.autoconfig.UpdateCheckerAutoConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Assembles the command side, the delivery saga and the query side into one deployable application. */
@SpringBootApplication(scanBasePackages = "com.clientsms", exclude = UpdateCheckerAutoConfiguration.class)
@ConfigurationPropertiesScan("com.clientsms")
public class ClientSmsApplication {

    public static void main(String[] args) {
        SpringApplication.run(ClientSmsApplication.class, args);
    }
}
