package com.clientsms.app.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at /v3/api-docs (Swagger UI at /swagger-ui.html): the controllers describe what they do and
 * their own refusals with annotations; the refusals every /api endpoint shares (bad input, not signed in, no
 * permission, not found or another practice's, body too large) are added here once, as RFC 9457 problem details with
 * an example each, so no endpoint can forget them.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String PROBLEM_SCHEMA = "ProblemDetail";

    @Bean
    OpenAPI clientSmsOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("client-sms API")
                        .version("v1")
                        .description("Texting a practice's clients: one client, every active client or a group; the"
                                + " history of each client; broadcast outcomes and the compliance audit log. Every"
                                + " error is an RFC 9457 problem (application/problem+json) whose detail says what is"
                                + " wrong. Send endpoints accept an Idempotency-Key header and are rate limited per"
                                + " member of staff."))
                .components(new Components()
                        .addSecuritySchemes(
                                "basic",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic"))
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT"))
                        .addSchemas(PROBLEM_SCHEMA, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    @Bean
    OpenApiCustomizer sharedProblemResponses() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                if (!path.startsWith("/api")) {
                    return;
                }
                item.readOperationsMap().forEach((method, operation) -> addShared(method, operation));
            });
        };
    }

    private static void addShared(PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean hasBody = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT;
        putIfAbsent(
                responses,
                "400",
                "The request is malformed or breaks a rule; the detail says which.",
                hasBody ? "Field 'body' has the wrong type." : "The page size must be between 1 and 100.");
        putIfAbsent(
                responses,
                "401",
                "Not signed in: HTTP Basic with a staff login, or a bearer JWT.",
                "Sign in with your staff username and password.");
        putIfAbsent(
                responses,
                "403",
                "Your role may not do this (for example a practitioner and another" + " practitioner's client).",
                "You can only message clients linked to you.");
        putIfAbsent(
                responses,
                "404",
                "No such record in your practice; another practice's records are never"
                        + " revealed, they are simply not found.",
                "There is no client with id 'harbour-client-99'.");
        if (hasBody) {
            putIfAbsent(
                    responses,
                    "413",
                    "The body is larger than clientsms.api.max-body-size (16 KB by default).",
                    "The request body is larger than the 16 KB this API accepts.");
            putIfAbsent(
                    responses,
                    "415",
                    "The body must be application/json.",
                    "Content-Type 'text/plain' is not supported.");
        }
        operation.setResponses(responses);
    }

    static void putIfAbsent(ApiResponses responses, String status, String description, String example) {
        if (responses.containsKey(status)) {
            ApiResponse existing = responses.get(status);
            if (existing.getContent() == null || existing.getContent().get("application/problem+json") == null) {
                existing.setContent(problem(status, example));
            }
            return;
        }
        responses.addApiResponse(
                status, new ApiResponse().description(description).content(problem(status, example)));
    }

    static Content problem(String status, String detail) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("type", "about:blank");
        value.put(
                "title",
                org.springframework.http.HttpStatus.valueOf(Integer.parseInt(status))
                        .getReasonPhrase());
        value.put("status", Integer.parseInt(status));
        value.put("detail", detail);
        value.put("instance", "/api/...");
        return new Content()
                .addMediaType(
                        "application/problem+json",
                        new MediaType()
                                .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))
                                .addExamples("problem", new Example().value(value)));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().example("Bad Request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("A message needs some text."))
                .addProperty("instance", new StringSchema().example("/api/clients/harbour-client-01/messages"));
    }
}
