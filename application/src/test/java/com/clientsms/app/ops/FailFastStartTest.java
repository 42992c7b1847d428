package com.clientsms.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clientsms.app.ClientSmsApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Bad configuration stops start-up with one sentence saying what to fix (Spring Boot's "APPLICATION FAILED TO START"
 * report), not a stack trace to decode.
 */
@ExtendWith(OutputCaptureExtension.class)
class FailFastStartTest {

    private static final Pattern DESCRIPTION =
            Pattern.compile("APPLICATION FAILED TO START\\s+\\*+\\s+Description:\\s+(.+?)\\s+Action:", Pattern.DOTALL);

    @Test
    void aHalfConfiguredTwilioSaysWhichVariableIsMissing(CapturedOutput output) {
        assertThat(failedStart(output, "--TWILIO_ACCOUNT_SID=AC00000000000000000000000000000000"))
                .isEqualTo("TWILIO_ACCOUNT_SID is set but TWILIO_AUTH_TOKEN is not: set TWILIO_AUTH_TOKEN to the"
                        + " account's auth token, or unset TWILIO_ACCOUNT_SID to use the simulated gateway.");
    }

    @Test
    void anOutOfRangePropertySaysWhichOneAndWhy(CapturedOutput output) {
        assertThat(failedStart(output, "--clientsms.delivery.rate.messages-per-second=-1"))
                .isEqualTo("clientsms.delivery.rate.* must be zero (unlimited) or more");
    }

    @Test
    void aHeartbeatTooSlowForTheClaimTimeoutSaysWhichSettingsDisagree(CapturedOutput output) {
        assertThat(failedStart(
                        output, "--clientsms.cluster.heartbeat-interval=5s", "--clientsms.cluster.claim-timeout=10s"))
                .startsWith("clientsms.cluster.heartbeat-interval (5000 ms) must be positive and at most a third of"
                        + " clientsms.cluster.claim-timeout (10000 ms)")
                .doesNotContain("\n");
    }

    @Test
    void aPropertyOfTheWrongTypeIsNamedWithItsValue(CapturedOutput output) {
        assertThat(failedStart(output, "--clientsms.delivery.rate.messages-per-second=fast"))
                .startsWith("The property clientsms.delivery.rate.messages-per-second = 'fast' is invalid: ")
                .doesNotContain("\n");
    }

    @Test
    void anUnreachablePostgresqlNamesTheUrlToCheck(CapturedOutput output) throws IOException {
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/clientsms";
        assertThat(failedStart(
                        output,
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=clientsms",
                        "--spring.datasource.password=not-printed"))
                .startsWith("PostgreSQL at " + url + " could not be reached (")
                .endsWith("check spring.datasource.url, its user and password, and that PostgreSQL is running.")
                .doesNotContain("not-printed");
    }

    @Test
    void anUnreachableMongodbNamesTheUriToCheck(CapturedOutput output) throws IOException {
        int port = closedPort();
        assertThat(failedStart(
                        output,
                        "--spring.data.mongodb.uri=mongodb://reader:not-printed@127.0.0.1:" + port + "/clientsms",
                        "--clientsms.stores.connect-timeout=1s"))
                .isEqualTo("MongoDB at mongodb://127.0.0.1:" + port + "/clientsms did not answer: check"
                        + " spring.data.mongodb.uri and that MongoDB is running and reachable.");
    }

    /** Starts the application with these arguments, expects it to fail, and answers the report's description. */
    private static String failedStart(CapturedOutput output, String... arguments) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--clientsms.data-dir=target/it/fail-fast",
                "--clientsms.embedded.postgres.durable=false",
                "--clientsms.demo-data=false"));
        args.addAll(List.of(arguments));
        int before = output.getOut().length();
        assertThatThrownBy(() -> new SpringApplicationBuilder(ClientSmsApplication.class)
                        .run(args.toArray(String[]::new))
                        .close())
                .isNotNull();
        // Plain or JSON logs (another test's JSON logging may still be on in this JVM).
        String report = output.getOut().substring(before).replace("\\n", "\n").replace("\\\"", "\"");
        Matcher matcher = DESCRIPTION.matcher(report);
        assertThat(matcher.find()).as("a failure report in:%n%s", output).isTrue();
        return matcher.group(1).trim();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
