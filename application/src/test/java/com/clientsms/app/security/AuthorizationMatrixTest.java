package com.clientsms.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.clientsms.app.api.Http;
import com.clientsms.app.api.RunningApplication;
import com.clientsms.kernel.staff.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every /api endpoint x every role x every kind of target, from one table of rules. A cell that must be refused is
 * answered 403 (or 404 where even saying "forbidden" would tell another practice's ids exist) as problem details with
 * a reason, and appends no event and changes no read model. A new endpoint is one more Endpoint and its rows; the last
 * test fails while a mapped /api endpoint has no row.
 */
class AuthorizationMatrixTest extends RunningApplication {

    /** Who acts, in the column order of the table. */
    private static final List<String> USERS = List.of("practitioner1", "admin", "superuser", "compliance");

    private static final List<Role> ROLES =
            List.of(Role.PRACTITIONER, Role.ADMIN, Role.SUPERUSER, Role.COMPLIANCE_OFFICER);

    /** What a request is about, seen from practitioner1 of Harbour Psychology. */
    enum Target {
        /** Nothing addressed by id: the caller's practice as a whole. */
        PRACTICE,
        /** A client linked to practitioner1, Harbour's own group and broadcast. */
        OWN,
        /** A Harbour client linked only to practitioner2. */
        OTHER_PRACTITIONER,
        /** Valley Allied Health's client, group or broadcast. */
        OTHER_PRACTICE
    }

    /**
     * An endpoint: its method, its path with {client}, {group} and {broadcast} placeholders, a body, and which clients
     * stand for each target (endpoints that change a client get clients of their own, so cells do not disturb each
     * other).
     */
    record Endpoint(String method, String pattern, String path, Supplier<Object> body, String own, String other) {

        static Endpoint of(String method, String pattern, Supplier<Object> body) {
            return new Endpoint(method, pattern, pattern, body, OWN_CLIENT, OTHER_PRACTITIONERS_CLIENT);
        }

        Endpoint clients(String ownClient, String otherPractitionersClient) {
            return new Endpoint(method, pattern, path, body, ownClient, otherPractitionersClient);
        }

        Endpoint at(String concretePath) {
            return new Endpoint(method, pattern, concretePath, body, own, other);
        }

        String pathFor(Target target, Map<Target, String> broadcasts) {
            String client =
                    switch (target) {
                        case OWN, PRACTICE -> own;
                        case OTHER_PRACTITIONER -> other;
                        case OTHER_PRACTICE -> OTHER_PRACTICES_CLIENT;
                    };
            String group = target == Target.OTHER_PRACTICE ? OTHER_PRACTICES_GROUP : OWN_GROUP;
            String broadcast = broadcasts.getOrDefault(target, broadcasts.get(Target.OWN));
            return path.replace("{clientId}", client)
                    .replace("{groupId}", group)
                    .replace("{broadcastId}", broadcast == null ? "none" : broadcast);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private static Supplier<Object> text(String body) {
        return () -> Map.of("body", body + " #" + SEQUENCE.incrementAndGet());
    }

    // Sending
    static final Endpoint SEND_TO_CLIENT =
            Endpoint.of("POST", "/api/clients/{clientId}/messages", text("Matrix: please call the practice"));
    static final Endpoint BROADCAST = Endpoint.of("POST", "/api/broadcasts", text("Matrix broadcast"));
    static final Endpoint SEND_TO_GROUP =
            Endpoint.of("POST", "/api/groups/{groupId}/messages", text("Matrix group message"));
    // Client directory
    static final Endpoint REGISTER_CLIENT = Endpoint.of(
            "POST",
            "/api/clients",
            () -> Map.of("name", "Matrix Client " + SEQUENCE.incrementAndGet(), "mobile", "0491 570 156"));
    static final Endpoint CHANGE_MOBILE = Endpoint.of(
                    "PUT", "/api/clients/{clientId}/mobile", () -> Map.of("mobile", "0491 570 157"))
            .clients("harbour-client-03", "harbour-client-04");
    static final Endpoint REMOVE_MOBILE = Endpoint.of("DELETE", "/api/clients/{clientId}/mobile", () -> null)
            .clients("harbour-client-27", "harbour-client-28");
    static final Endpoint DEACTIVATE = Endpoint.of("POST", "/api/clients/{clientId}/deactivate", () -> null)
            .clients("harbour-client-41", "harbour-client-42");
    static final Endpoint REACTIVATE = Endpoint.of("POST", "/api/clients/{clientId}/reactivate", () -> null)
            .clients("harbour-client-19", "harbour-client-44");
    static final Endpoint LINK = Endpoint.of(
                    "POST", "/api/clients/{clientId}/practitioners", () -> Map.of("practitionerId", "practitioner2"))
            .clients("harbour-client-09", "harbour-client-06");
    static final Endpoint UNLINK = Endpoint.of(
                    "DELETE", "/api/clients/{clientId}/practitioners/{practitionerId}", () -> null)
            .at("/api/clients/{clientId}/practitioners/practitioner2")
            .clients("harbour-client-15", "harbour-client-46");
    static final Endpoint OPT_IN = Endpoint.of("POST", "/api/clients/{clientId}/opt-in", () -> null)
            .clients("harbour-client-13", "harbour-client-16");
    // Groups
    static final Endpoint CREATE_GROUP = Endpoint.of(
            "POST",
            "/api/groups",
            () -> Map.of("name", "Matrix group " + SEQUENCE.incrementAndGet(), "memberIds", List.of()));
    static final Endpoint ADD_MEMBER =
            Endpoint.of("POST", "/api/groups/{groupId}/members", () -> Map.of("clientId", "harbour-client-21"));
    static final Endpoint REMOVE_MEMBER = Endpoint.of("DELETE", "/api/groups/{groupId}/members/{clientId}", () -> null)
            .clients("harbour-client-05", "harbour-client-06");
    // Staff
    static final Endpoint REGISTER_STAFF = Endpoint.of(
            "POST",
            "/api/staff",
            () -> Map.of(
                    "username",
                    "matrix-" + UUID.randomUUID(),
                    "displayName",
                    "Matrix Staff",
                    "role",
                    "PRACTITIONER",
                    "password",
                    "a-long-enough-password"));
    // Reading
    static final Endpoint CLIENTS = Endpoint.of("GET", "/api/clients", () -> null);
    static final Endpoint CLIENT = Endpoint.of("GET", "/api/clients/{clientId}", () -> null);
    static final Endpoint HISTORY = Endpoint.of("GET", "/api/clients/{clientId}/messages", () -> null);
    static final Endpoint GROUPS = Endpoint.of("GET", "/api/groups", () -> null);
    static final Endpoint STAFF = Endpoint.of("GET", "/api/staff", () -> null);
    static final Endpoint BROADCASTS = Endpoint.of("GET", "/api/broadcasts", () -> null);
    static final Endpoint BROADCAST_OUTCOME = Endpoint.of("GET", "/api/broadcasts/{broadcastId}", () -> null);
    static final Endpoint AUDIT = Endpoint.of("GET", "/api/audit", () -> null);
    static final Endpoint AUDIT_EXPORT = Endpoint.of("GET", "/api/audit/export", () -> null);
    static final Endpoint AUDIT_VERIFY = Endpoint.of("GET", "/api/audit/verify", () -> null);

    static final Endpoint RESEND_FAILED =
            Endpoint.of("POST", "/api/broadcasts/{broadcastId}/resend-failed", () -> null);
    // Past the role check an administrator learns that nothing failed (the simulator here fails nothing): 409.
    // Operations
    static final Endpoint PROJECTIONS = Endpoint.of("GET", "/api/admin/projections", () -> null);
    static final Endpoint PROJECTION =
            Endpoint.of("GET", "/api/admin/projections/{name}", () -> null).at("/api/admin/projections/client-history");
    static final Endpoint REBUILD = Endpoint.of("POST", "/api/admin/projections/{name}/rebuild", () -> null)
            .at("/api/admin/projections/client-history/rebuild");

    record Row(Endpoint endpoint, Target target, int[] statusByRole) {}

    private static Row row(
            Endpoint endpoint, Target target, int practitioner, int admin, int superuser, int compliance) {
        return new Row(endpoint, target, new int[] {practitioner, admin, superuser, compliance});
    }

    /** The rules. Columns: PRACTITIONER, ADMIN, SUPERUSER, COMPLIANCE_OFFICER. */
    static final List<Row> RULES = List.of(
            row(SEND_TO_CLIENT, Target.OWN, 202, 202, 202, 403),
            row(SEND_TO_CLIENT, Target.OTHER_PRACTITIONER, 403, 202, 202, 403),
            row(SEND_TO_CLIENT, Target.OTHER_PRACTICE, 404, 404, 404, 404),
            row(BROADCAST, Target.PRACTICE, 403, 202, 202, 403),
            row(SEND_TO_GROUP, Target.OWN, 403, 202, 202, 403),
            row(SEND_TO_GROUP, Target.OTHER_PRACTICE, 404, 404, 404, 404),
            row(REGISTER_CLIENT, Target.PRACTICE, 403, 201, 201, 403),
            row(CHANGE_MOBILE, Target.OWN, 403, 204, 204, 403),
            row(CHANGE_MOBILE, Target.OTHER_PRACTITIONER, 403, 204, 204, 403),
            row(CHANGE_MOBILE, Target.OTHER_PRACTICE, 404, 404, 404, 404),
            row(REMOVE_MOBILE, Target.OWN, 403, 204, 204, 403),
            row(REMOVE_MOBILE, Target.OTHER_PRACTITIONER, 403, 204, 204, 403),
            row(REMOVE_MOBILE, Target.OTHER_PRACTICE, 404, 404, 404, 404),
            row(DEACTIVATE, Target.OWN, 403, 204, 204, 403),
            row(DEACTIVATE, Target.OTHER_PRACTITIONER, 403, 204, 204, 403),
            row(DEACTIVATE, Target.OTHER_PRACTICE, 404, 404, 404, 404),
            row(REACTIVATE, Target.OWN, 403, 204, 204, 403),
            row(REACTIVATE, Target.OTHER_PRACTITIONER, 403, 204, 204, 403),
            row(REACTIVATE, Target.OTHER_PRACTICE, 404, 404, 404, 404),
            row(LINK, Target.OWN, 403, 204, 204, 403),
            row(LINK, Target.OTHER_PRACTITIONER, 403, 204, 204, 403),
            row(LINK, Target.OTHER_PRACTICE, 404, 404, 404, 404),
            row(UNLINK, Target.OWN, 403, 204, 204, 403),
            row(UNLINK, Target.OTHER_PRACTITIONER, 403, 204, 204, 403),
            row(UNLINK, Target.OTHER_PRACTICE, 404, 404, 404, 404),
            row(OPT_IN, Target.OWN, 403, 204, 204, 403),
            row(OPT_IN, Target.OTHER_PRACTITIONER, 403, 204, 204, 403),
            row(OPT_IN, Target.OTHER_PRACTICE, 404, 404, 404, 404),
            row(CREATE_GROUP, Target.PRACTICE, 403, 201, 201, 403),
            row(ADD_MEMBER, Target.OWN, 403, 204, 204, 403),
            row(ADD_MEMBER, Target.OTHER_PRACTICE, 404, 404, 404, 404),
            row(REMOVE_MEMBER, Target.OWN, 403, 204, 204, 403),
            row(REMOVE_MEMBER, Target.OTHER_PRACTICE, 404, 404, 404, 404),
            row(REGISTER_STAFF, Target.PRACTICE, 403, 201, 201, 403),
            row(CLIENTS, Target.PRACTICE, 200, 200, 200, 200),
            row(CLIENT, Target.OWN, 200, 200, 200, 200),
            row(CLIENT, Target.OTHER_PRACTITIONER, 403, 200, 200, 200),
            row(CLIENT, Target.OTHER_PRACTICE, 404, 404, 404, 404),
            row(HISTORY, Target.OWN, 200, 200, 200, 200),
            row(HISTORY, Target.OTHER_PRACTITIONER, 403, 200, 200, 200),
            row(HISTORY, Target.OTHER_PRACTICE, 404, 404, 404, 404),
            row(GROUPS, Target.PRACTICE, 200, 200, 200, 200),
            row(STAFF, Target.PRACTICE, 200, 200, 200, 200),
            row(BROADCASTS, Target.PRACTICE, 403, 200, 200, 200),
            row(BROADCAST_OUTCOME, Target.OWN, 403, 200, 200, 200),
            row(BROADCAST_OUTCOME, Target.OTHER_PRACTICE, 403, 404, 404, 404),
            row(AUDIT, Target.PRACTICE, 403, 200, 200, 200),
            row(AUDIT_EXPORT, Target.PRACTICE, 403, 200, 200, 200),
            row(AUDIT_VERIFY, Target.PRACTICE, 403, 200, 200, 200),
            row(RESEND_FAILED, Target.OWN, 403, 409, 409, 403),
            row(RESEND_FAILED, Target.OTHER_PRACTICE, 403, 404, 404, 403),
            row(PROJECTIONS, Target.PRACTICE, 403, 403, 200, 403),
            row(PROJECTION, Target.PRACTICE, 403, 403, 200, 403),
            row(REBUILD, Target.PRACTICE, 403, 403, 202, 403));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @TestFactory
    Stream<DynamicTest> everyEndpointRoleAndTargetIsAllowedOrRefusedAsTheRulesSay() {
        Map<Target, String> broadcasts = Map.of(
                Target.OWN, broadcastOf("admin"),
                Target.OTHER_PRACTICE, broadcastOf("admin2"));
        boolean[] dirty = {true};
        List<DynamicTest> cells = new ArrayList<>();
        for (Row row : RULES) {
            for (int i = 0; i < USERS.size(); i++) {
                String user = USERS.get(i);
                int expected = row.statusByRole()[i];
                String name = ROLES.get(i) + " " + row.endpoint() + " on " + row.target() + " -> " + expected;
                cells.add(dynamicTest(name, () -> cell(row, user, expected, broadcasts, dirty)));
            }
        }
        return cells.stream();
    }

    private void cell(Row row, String user, int expected, Map<Target, String> broadcasts, boolean[] dirty) {
        Endpoint endpoint = row.endpoint();
        String path = endpoint.pathFor(row.target(), broadcasts);
        Http http = as(user);
        if (expected < 400) {
            Http.Response response = call(http, endpoint, path);
            assertThat(response.status())
                    .as("%s as %s: %s", endpoint, user, response)
                    .isEqualTo(expected);
            dirty[0] = true;
            return;
        }
        RunningApplication.Recorded before = dirty[0] ? settled() : recorded();
        dirty[0] = false;
        Http.Response response = call(http, endpoint, path);
        assertThat(response.status()).as("%s as %s: %s", path, user, response).isEqualTo(expected);
        assertThat(response.isProblem()).as("problem details: %s", response).isTrue();
        assertThat(response.detail()).as("a reason").isNotBlank();
        assertThat(recorded()).as("nothing recorded for a refused request").isEqualTo(before);
    }

    private static Http.Response call(Http http, Endpoint endpoint, String path) {
        Object body = endpoint.body().get();
        if (body != null) {
            try {
                return http.send(
                        endpoint.method(),
                        path,
                        "application/json",
                        new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(body));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException(e);
            }
        }
        return http.send(endpoint.method(), path, null, null);
    }

    private String broadcastOf(String admin) {
        Http.Response response = as(admin).postJson("/api/broadcasts", Map.of("body", "Matrix set-up broadcast"));
        assertThat(response.status()).as("set-up broadcast: %s", response).isEqualTo(202);
        return response.json().get("broadcastId").asText();
    }

    @Test
    void everyApiEndpointOfTheApplicationHasRulesInTheTable() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(pattern -> pattern.startsWith("/api"))
                .forEach(pattern ->
                        info.getMethodsCondition().getMethods().forEach(method -> mapped.add(method + " " + pattern))));
        Set<String> ruled = new TreeSet<>();
        RULES.forEach(
                row -> ruled.add(row.endpoint().method() + " " + row.endpoint().pattern()));

        assertThat(ruled).as("endpoints in the rule table").containsAll(mapped);
    }

    static List<Role> roles() {
        return Arrays.asList(Role.values());
    }
}
