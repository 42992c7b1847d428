package com.clientsms.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The OpenAPI description and Swagger UI are public, and describe every /api endpoint with its refusals. */
class ApiDocumentationTest extends RunningApplication {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyApiEndpointIsDocumentedWithItsErrors() {
        Http.Response docs = anonymous().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().get("paths");

        Set<String> undocumented = new TreeSet<>();
        Set<String> withoutErrors = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(pattern -> pattern.startsWith("/api"))
                .forEach(pattern -> info.getMethodsCondition().getMethods().forEach(method -> {
                    JsonNode operation = paths.path(pattern).path(method.name().toLowerCase(Locale.ROOT));
                    if (operation.isMissingNode()) {
                        undocumented.add(method + " " + pattern);
                        return;
                    }
                    JsonNode responses = operation.path("responses");
                    boolean documentsRefusals = responses.has("401") && responses.has("400");
                    boolean hasProblemExample =
                            responses.path("400").path("content").has("application/problem+json");
                    if (!documentsRefusals || !hasProblemExample) {
                        withoutErrors.add(method + " " + pattern + " " + responses.fieldNames());
                    }
                })));

        assertThat(undocumented).as("endpoints missing from /v3/api-docs").isEmpty();
        assertThat(withoutErrors)
                .as("endpoints without their 4xx problem responses")
                .isEmpty();
    }

    @Test
    void sendEndpointsDocumentTheIdempotencyKeyAndTheirOwnRefusals() {
        JsonNode paths = anonymous().get("/v3/api-docs").json().get("paths");

        for (String path :
                List.of("/api/clients/{clientId}/messages", "/api/broadcasts", "/api/groups/{groupId}/messages")) {
            JsonNode send = paths.path(path).path("post");
            assertThat(send.path("responses").has("202")).as(path).isTrue();
            assertThat(send.path("responses").path("202").toString()).as(path).contains("example");
            assertThat(send.path("responses").has("409")
                            && send.path("responses").has("422")
                            && send.path("responses").has("429"))
                    .as(
                            "%s documents 409, 422 and 429: %s",
                            path, send.path("responses").fieldNames())
                    .isTrue();
            assertThat(send.path("parameters").toString()).as(path).contains("Idempotency-Key");
        }
    }

    @Test
    void swaggerUiIsReachableWithoutSigningIn() {
        Http.Response ui = anonymous().get("/swagger-ui/index.html");

        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.text()).contains("swagger");
        assertThat(anonymous().get("/swagger-ui.html").status()).isIn(200, 302);
    }
}
