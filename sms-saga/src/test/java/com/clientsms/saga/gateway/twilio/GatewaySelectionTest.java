package com.clientsms.saga.gateway.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.clientsms.saga.gateway.DeliveryReports;
import com.clientsms.saga.gateway.SmsGateway;
import com.clientsms.saga.gateway.simulator.SimulatedSmsGateway;
import com.clientsms.saga.webhook.CallbackAuthToken;
import com.clientsms.saga.webhook.CallbackSignatures;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Which gateway the application gets from the environment, and what a half-configured Twilio says at start-up. */
class GatewaySelectionTest {

    private static final String SID = "AC0123456789abcdef0123456789abcdef";

    @Configuration(proxyBeanMethods = false)
    @ComponentScan({"com.clientsms.saga.gateway", "com.clientsms.saga.webhook"})
    static class Gateways {}

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Gateways.class)
            .withBean(DeliveryReports.class, () -> report -> {});

    private final ApplicationContextRunner twilio = context.withPropertyValues(
            "TWILIO_ACCOUNT_SID=" + SID,
            "TWILIO_AUTH_TOKEN=secret-token",
            "TWILIO_MESSAGING_SERVICE_SID=MG0123456789abcdef0123456789abcdef",
            "PUBLIC_BASE_URL=https://sms.example.org/");

    @Test
    void withoutATwilioAccountTheSimulatorIsTheGateway() {
        context.run(run -> {
            assertThat(run).hasSingleBean(SmsGateway.class);
            assertThat(run.getBean(SmsGateway.class)).isInstanceOf(SimulatedSmsGateway.class);
            assertThat(run).hasSingleBean(CallbackSignatures.class);
        });
    }

    @Test
    void blankTwilioAccountSidCountsAsUnset() {
        context.withPropertyValues("TWILIO_ACCOUNT_SID=")
                .run(run -> assertThat(run.getBean(SmsGateway.class)).isInstanceOf(SimulatedSmsGateway.class));
    }

    @Test
    void simulatorSignsWithARandomTokenUnlessOneIsConfigured() {
        context.run(
                run -> assertThat(run.getBean(CallbackAuthToken.class).value()).hasSize(40));
        context.withPropertyValues("clientsms.simulator.auth-token=simulated-secret")
                .run(run ->
                        assertThat(run.getBean(CallbackAuthToken.class).value()).isEqualTo("simulated-secret"));
    }

    @Test
    void withATwilioAccountTwilioIsTheOnlyGatewayAndCallbacksAreCheckedWithItsToken() {
        twilio.run(run -> {
            assertThat(run).hasSingleBean(SmsGateway.class);
            assertThat(run.getBean(SmsGateway.class)).isInstanceOf(TwilioSmsGateway.class);
            assertThat(run).doesNotHaveBean(SimulatedSmsGateway.class);
            assertThat(run.getBean(CallbackAuthToken.class).value()).isEqualTo("secret-token");
            assertThat(run.getBean(TwilioSettings.class).publicBaseUrl()).isEqualTo("https://sms.example.org");
            assertThat(run.getBean(TwilioSettings.class).apiBaseUrl()).isNull();
        });
    }

    @Test
    void apiBaseUrlAndTimeoutsAreConfigurable() {
        twilio.withPropertyValues(
                        "TWILIO_API_BASE_URL=http://127.0.0.1:8089",
                        "clientsms.twilio.connect-timeout=2s",
                        "clientsms.twilio.read-timeout=7s")
                .run(run -> {
                    TwilioSettings settings = run.getBean(TwilioSettings.class);
                    assertThat(settings.apiBaseUrl()).hasToString("http://127.0.0.1:8089");
                    assertThat(settings.connectTimeout()).hasSeconds(2);
                    assertThat(settings.readTimeout()).hasSeconds(7);
                });
    }

    @Test
    void fromNumberAloneIsEnoughToSend() {
        context.withPropertyValues(
                        "TWILIO_ACCOUNT_SID=" + SID,
                        "TWILIO_AUTH_TOKEN=secret-token",
                        "TWILIO_FROM_NUMBER=+61400000000",
                        "PUBLIC_BASE_URL=https://sms.example.org")
                .run(run -> assertThat(run.getBean(SmsGateway.class)).isInstanceOf(TwilioSmsGateway.class));
    }

    @Test
    void accountSidWithoutAuthTokenStopsTheStartSayingWhatToSet() {
        twilio.withPropertyValues("TWILIO_AUTH_TOKEN=").run(run -> assertThat(run)
                .hasFailed()
                .getFailure()
                .hasRootCauseMessage("TWILIO_ACCOUNT_SID is set but TWILIO_AUTH_TOKEN is not: set"
                        + " TWILIO_AUTH_TOKEN to the account's auth token, or unset TWILIO_ACCOUNT_SID to use"
                        + " the simulated gateway."));
    }

    @Test
    void accountWithoutASenderStopsTheStartSayingWhatToSet() {
        twilio.withPropertyValues("TWILIO_MESSAGING_SERVICE_SID=").run(run -> assertThat(run)
                .hasFailed()
                .getFailure()
                .hasRootCauseMessage("TWILIO_ACCOUNT_SID is set but neither TWILIO_MESSAGING_SERVICE_SID nor"
                        + " TWILIO_FROM_NUMBER is: set one of them to say who sends the messages."));
    }

    @Test
    void accountWithoutAPublicBaseUrlStopsTheStartSayingWhatToSet() {
        twilio.withPropertyValues("PUBLIC_BASE_URL=").run(run -> assertThat(run)
                .hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageStartingWith("TWILIO_ACCOUNT_SID is set but PUBLIC_BASE_URL is not: set it to"));
    }

    @Test
    void malformedApiBaseUrlStopsTheStart() {
        twilio.withPropertyValues("TWILIO_API_BASE_URL=localhost:8089").run(run -> assertThat(run)
                .hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageStartingWith("TWILIO_API_BASE_URL must be an absolute http or https URL"));
    }

    @Test
    void authTokenNeverAppearsInTheSettingsOrTheCallbackToken() {
        twilio.run(run -> {
            assertThat(run.getBean(TwilioSettings.class).toString()).doesNotContain("secret-token");
            assertThat(run.getBean(CallbackAuthToken.class).toString()).doesNotContain("secret-token");
        });
    }
}
