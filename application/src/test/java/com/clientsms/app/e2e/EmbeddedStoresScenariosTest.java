package com.clientsms.app.e2e;

import com.clientsms.app.ClientSmsApplication;
import org.springframework.boot.test.context.SpringBootTest;

/** The scenarios on the embedded default: embedded PostgreSQL, in-process MongoDB, simulated gateway. */
@SpringBootTest(
        classes = ClientSmsApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "clientsms.data-dir=target/e2e/embedded-scenarios",
            "clientsms.embedded.postgres.durable=false",
            "clientsms.simulator.report-delay=20ms",
            "clientsms.simulator.undelivered-rate=0",
            "clientsms.simulator.failed-rate=0"
        })
class EmbeddedStoresScenariosTest extends SendingScenarios {}
