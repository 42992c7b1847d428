package com.clientsms.query.web;

import static com.clientsms.query.support.Events.ADMIN;
import static com.clientsms.query.support.Events.OTHER_PRACTICE;
import static com.clientsms.query.support.Events.PRACTICE;
import static com.clientsms.query.support.Events.PRACTITIONER;
import static com.clientsms.query.support.Events.T0;
import static com.clientsms.query.support.Events.failed;
import static com.clientsms.query.support.Events.requested;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clientsms.kernel.body.SmsEncoding;
import com.clientsms.kernel.query.AuditEntry;
import com.clientsms.kernel.query.BroadcastSummary;
import com.clientsms.kernel.rule.RuleViolation;
import com.clientsms.kernel.sending.Audience;
import com.clientsms.kernel.sending.BroadcastRequested;
import com.clientsms.kernel.sending.MessageRequested;
import com.clientsms.kernel.staff.Role;
import com.clientsms.kernel.staff.StaffRef;
import com.clientsms.query.audit.AuditLogProjection;
import com.clientsms.query.broadcast.BroadcastOutcomeProjection;
import com.clientsms.query.support.InProcessMongo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Who may read the audit log and the broadcast outcomes, and what each role sees, through a real query bus and real
 * projections: practitioners are refused, compliance officers, administrators and superusers see their own practice
 * only, and numbers are in clear only for compliance officers and superusers.
 */
class AuditAndBroadcastControllersTest {

    private static final StaffRef COMPLIANCE =
            new StaffRef("staff-carol", "carol", "Carol Compliance", Role.COMPLIANCE_OFFICER, PRACTICE);
    private static final StaffRef SUPERUSER =
            new StaffRef("staff-sue", "sue", "Sue Superuser", Role.SUPERUSER, PRACTICE);
    private static final StaffRef OTHER_ADMIN =
            new StaffRef("staff-oscar", "oscar", "Oscar Other", Role.ADMIN, OTHER_PRACTICE);

    private static InProcessMongo mongo;

    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    private AuditController audit;
    private BroadcastOutcomeController broadcasts;

    @BeforeAll
    static void startServer() {
        mongo = new InProcessMongo();
    }

    @AfterAll
    static void stopServer() {
        mongo.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        var database = mongo.freshDatabase();
        var auditLog = new AuditLogProjection(database);
        var outcomes = new BroadcastOutcomeProjection(database);
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(auditLog).subscribe(bus);
        new AnnotationQueryHandlerAdapter<>(outcomes).subscribe(bus);
        QueryGateway gateway = DefaultQueryGateway.builder().queryBus(bus).build();
        audit = new AuditController(gateway, auditLog, json);
        broadcasts = new BroadcastOutcomeController(gateway);

        var broadcast = new BroadcastRequested(
                "b1",
                PRACTICE,
                ADMIN,
                Audience.ALL,
                null,
                null,
                "Closed, \"holiday\"\non Friday",
                26,
                SmsEncoding.GSM_7,
                1,
                1,
                List.of(),
                List.of(),
                T0);
        var broadcastMessage = new MessageRequested(
                "b1-c2",
                PRACTICE,
                "c2",
                "Other, Client",
                "+61412345679",
                ADMIN,
                Audience.ALL,
                "b1",
                null,
                "Closed, \"holiday\"\non Friday",
                26,
                SmsEncoding.GSM_7,
                1,
                T0.plusSeconds(1));
        for (Object handler : List.of(auditLog, outcomes)) {
            var adapter = new AnnotationEventHandlerAdapter(handler);
            for (Object event : List.of(
                    requested("m1", "c1", T0),
                    failed("m1", "c1", "30003", "The handset is unreachable.", T0.plusSeconds(3)),
                    requested("m9", OTHER_PRACTICE, "c9", T0),
                    broadcast,
                    broadcastMessage)) {
                adapter.handle(GenericEventMessage.asEventMessage(event));
            }
        }
    }

    @Test
    void practitionerCannotReadTheAuditLog() {
        assertForbidden(() -> audit.entries(PRACTITIONER, null, null, null, null, null, null, 0, 20));
        assertForbidden(() ->
                audit.export(PRACTITIONER, "csv", null, null, null, null, null, null, new MockHttpServletResponse()));
    }

    @Test
    void complianceAdminAndSuperuserReadTheirPracticesAuditLogOnly() {
        for (StaffRef reader : List.of(COMPLIANCE, ADMIN, SUPERUSER)) {
            assertThat(audit.entries(reader, null, null, null, null, null, null, 0, 20)
                            .items())
                    .extracting(AuditEntry::messageId)
                    .containsExactly("b1-c2", "m1");
        }
        assertThat(audit.entries(OTHER_ADMIN, null, null, null, null, null, null, 0, 20)
                        .items())
                .extracting(AuditEntry::messageId)
                .containsExactly("m9");
    }

    @Test
    void numbersAreInClearOnlyForComplianceOfficersAndSuperusers() {
        assertThat(audit.entries(COMPLIANCE, null, null, null, "c1", null, null, 0, 20)
                        .items()
                        .get(0)
                        .to())
                .isEqualTo("+61412345678");
        assertThat(audit.entries(SUPERUSER, null, null, null, "c1", null, null, 0, 20)
                        .items()
                        .get(0)
                        .to())
                .isEqualTo("+61412345678");
        assertThat(audit.entries(ADMIN, null, null, null, "c1", null, null, 0, 20)
                        .items()
                        .get(0)
                        .to())
                .isEqualTo("+61 4** *** 678");
    }

    @Test
    void auditFiltersAndPagingAreCheckedWithAReason() {
        assertInvalid(() -> audit.entries(ADMIN, "yesterday", null, null, null, null, null, 0, 20));
        assertInvalid(() -> audit.entries(ADMIN, null, null, null, null, "everyone", null, 0, 20));
        assertInvalid(() -> audit.entries(ADMIN, null, null, null, null, null, "lost", 0, 20));
        assertInvalid(() -> audit.entries(ADMIN, null, null, null, null, null, null, -1, 20));
        assertInvalid(() -> audit.entries(ADMIN, null, null, null, null, null, null, 0, 101));
        assertInvalid(
                () -> audit.export(ADMIN, "xml", null, null, null, null, null, null, new MockHttpServletResponse()));
        assertThat(audit.entries(ADMIN, "2026-03-02T09:00:00Z", null, null, null, "ALL", "requested", 0, 20)
                        .items())
                .extracting(AuditEntry::messageId)
                .containsExactly("b1-c2");
    }

    @Test
    void csvExportHasAHeaderAndEscapesCommasQuotesAndLineBreaks() throws Exception {
        var response = new MockHttpServletResponse();

        audit.export(COMPLIANCE, "csv", null, null, null, null, "all", null, response);

        assertThat(response.getContentType()).startsWith("text/csv");
        assertThat(response.getHeader("Content-Disposition"))
                .contains("attachment")
                .contains(".csv");
        String csv = response.getContentAsString();
        assertThat(csv).startsWith(String.join(",", AuditController.CSV_COLUMNS) + "\r\n");
        assertThat(csv)
                .contains(
                        ",\"Other, Client\",+61412345679,\"Closed, \"\"holiday\"\"\non Friday\",26,GSM_7,1,requested,");
        assertThat(csv.split("\r\n")).hasSize(2);
    }

    @Test
    void jsonExportIsOneArrayOfTheSameEntries() throws Exception {
        var response = new MockHttpServletResponse();

        audit.export(ADMIN, "json", null, null, null, null, null, null, response);

        JsonNode array = json.readTree(response.getContentAsByteArray());
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(2);
        assertThat(array.get(1).get("messageId").asText()).isEqualTo("m1");
        assertThat(array.get(1).get("to").asText()).isEqualTo("+61 4** *** 678");
        assertThat(array.get(1).get("timeline").get(1).get("code").asText()).isEqualTo("30003");
        assertThat(array.get(1).get("requestedAt").asText()).isEqualTo("2026-03-02T09:00:00Z");
    }

    @Test
    void practitionerCannotSeeBroadcastOutcomes() {
        assertForbidden(() -> broadcasts.broadcasts(PRACTITIONER, 0, 20));
        assertForbidden(() -> broadcasts.broadcast(PRACTITIONER, "b1"));
    }

    @Test
    void adminSuperuserAndComplianceSeeTheirPracticesBroadcasts() {
        for (StaffRef reader : List.of(COMPLIANCE, ADMIN, SUPERUSER)) {
            assertThat(broadcasts.broadcasts(reader, 0, 20).items())
                    .extracting(BroadcastSummary::broadcastId)
                    .containsExactly("b1");
            assertThat(broadcasts.broadcast(reader, "b1").counts().requested()).isEqualTo(1);
        }
        assertThat(broadcasts.broadcasts(OTHER_ADMIN, 0, 20).items()).isEmpty();
    }

    @Test
    void anotherPracticesBroadcastIsNotFound() {
        assertThatThrownBy(() -> broadcasts.broadcast(OTHER_ADMIN, "b1"))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.kind()).isEqualTo(RuleViolation.Kind.NOT_FOUND));
        assertInvalid(() -> broadcasts.broadcasts(ADMIN, 0, 0));
    }

    private static void assertForbidden(ThrowingCall call) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.kind()).isEqualTo(RuleViolation.Kind.FORBIDDEN))
                .message()
                .endsWith(".");
    }

    private static void assertInvalid(ThrowingCall call) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.kind()).isEqualTo(RuleViolation.Kind.INVALID))
                .message()
                .endsWith(".");
    }

    private interface ThrowingCall {
        void run() throws Exception;
    }
}
