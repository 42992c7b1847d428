package com.clientsms.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.clientsms.kernel.body.MessageBody;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The page's counter (static/js/counter.js) against the kernel's own test vectors, the file MessageBodyTest runs
 * against the Java MessageBody: same characters, encoding and segments for every valid text, a refusal for every
 * invalid one, and the same characters named as forcing UCS-2 as the server names. Run in Node.js and in the real
 * browser, so neither engine can disagree with the server.
 */
@ExtendWith(Browser.Extension.class)
class CounterScriptTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCRIPT = Path.of("src/main/resources/static/js/counter.js");
    private static final Path NODE = Path.of("/usr/bin/node");

    /** A vector's text as UTF-16 code units, so lone surrogates survive every hop to the script unchanged. */
    record Vector(String name, String text, boolean valid, JsonNode expected) {
        List<Integer> codeUnits() {
            return text.chars().boxed().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> counterInTheBrowserAgreesWithTheServerOnEveryVector(Browser browser) throws IOException {
        browser.open("about:blank");
        browser.driver().executeScript(Files.readString(SCRIPT, StandardCharsets.UTF_8));
        List<Vector> vectors = vectors();
        List<JsonNode> results = new ArrayList<>();
        for (Vector vector : vectors) {
            Object counted = browser.driver()
                    .executeScript(
                            "return JSON.stringify(SmsCounter.count(String.fromCharCode.apply(null, arguments[0])));",
                            vector.codeUnits());
            results.add(JSON.readTree((String) counted));
        }
        return checks(vectors, results);
    }

    @TestFactory
    Stream<DynamicTest> counterInNodeAgreesWithTheServerOnEveryVector() throws Exception {
        assumeTrue(Files.isExecutable(NODE), "Node.js is not installed at /usr/bin/node");
        List<Vector> vectors = vectors();
        String harness = "const counter = require(process.argv[1]);"
                + "let input = ''; process.stdin.on('data', d => input += d);"
                + "process.stdin.on('end', () => process.stdout.write(JSON.stringify(JSON.parse(input)"
                + ".map(units => counter.count(String.fromCharCode.apply(null, units))))));";
        Process node = new ProcessBuilder(
                        NODE.toString(), "-e", harness, SCRIPT.toAbsolutePath().toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        node.getOutputStream()
                .write(JSON.writeValueAsBytes(
                        vectors.stream().map(Vector::codeUnits).toList()));
        node.getOutputStream().close();
        byte[] output = node.getInputStream().readAllBytes();
        assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).isZero();
        List<JsonNode> results = new ArrayList<>();
        JSON.readTree(output).forEach(results::add);
        return checks(vectors, results);
    }

    private static Stream<DynamicTest> checks(List<Vector> vectors, List<JsonNode> results) {
        assertThat(results).hasSameSizeAs(vectors);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            Vector vector = vectors.get(i);
            JsonNode counted = results.get(i);
            tests.add(dynamicTest(vector.name(), () -> {
                if (!vector.valid()) {
                    assertThat(counted.get("valid").asBoolean())
                            .as("Send is off for a text the server refuses")
                            .isFalse();
                    assertThat(counted.get("problem").asText()).isNotBlank();
                    return;
                }
                MessageBody server = new MessageBody(vector.text());
                assertThat(counted.get("valid").asBoolean()).isTrue();
                assertThat(counted.get("characters").asInt())
                        .isEqualTo(vector.expected().get("characters").asInt())
                        .isEqualTo(server.characters());
                assertThat(counted.get("encoding").asText())
                        .isEqualTo(vector.expected().get("encoding").asText())
                        .isEqualTo(server.encoding().name());
                assertThat(counted.get("segments").asInt())
                        .isEqualTo(vector.expected().get("segments").asInt())
                        .isEqualTo(server.segments());
                List<String> forcing = new ArrayList<>();
                counted.get("forcingUcs2").forEach(c -> forcing.add(c.asText()));
                assertThat(forcing).isEqualTo(server.charactersForcingUcs2());
            }));
        }
        return tests.stream();
    }

    /** The kernel's vectors file, on the test class path through the pom (not a copy). */
    static List<Vector> vectors() throws IOException {
        try (InputStream in =
                CounterScriptTest.class.getResourceAsStream("/com/clientsms/kernel/body/counter-vectors.json")) {
            assertThat(in)
                    .as("the kernel's counter-vectors.json on the test class path")
                    .isNotNull();
            JsonNode document = JSON.readTree(in);
            List<Vector> vectors = new ArrayList<>();
            for (String kind : List.of("valid", "invalid")) {
                document.get(kind)
                        .forEach(v -> vectors.add(new Vector(
                                kind + ": " + v.get("name").asText(),
                                v.get("text").asText(),
                                kind.equals("valid"),
                                v)));
            }
            return vectors;
        }
    }
}
