package com.clientsms.query.web;

import static com.clientsms.query.support.Events.ADMIN;
import static com.clientsms.query.support.Events.OTHER_PRACTICE;
import static com.clientsms.query.support.Events.PRACTICE;
import static com.clientsms.query.support.Events.PRACTITIONER;
import static com.clientsms.query.support.Events.T0;
import static com.clientsms.query.support.Events.client;
import static com.clientsms.query.support.Events.requested;
import static com.clientsms.query.support.Events.staff;
import static com.clientsms.query.support.Events.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.clientsms.kernel.delivery.DeliveryStatus;
import com.clientsms.kernel.directory.GroupCreated;
import com.clientsms.kernel.query.ClientView;
import com.clientsms.kernel.query.MessageView;
import com.clientsms.kernel.rule.RuleViolation;
import com.clientsms.kernel.staff.Role;
import com.clientsms.kernel.staff.StaffRef;
import com.clientsms.query.directory.DirectoryProjection;
import com.clientsms.query.history.ClientHistoryProjection;
import com.clientsms.query.support.InProcessMongo;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.method.annotation.AuthenticationPrincipalArgumentResolver;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The query endpoints through a real query bus and real projections: who sees which clients, groups and histories,
 * and what the JSON looks like.
 */
class QueryControllersTest {

    private static final StaffRef COMPLIANCE =
            new StaffRef("staff-carol", "carol", "Carol Compliance", Role.COMPLIANCE_OFFICER, PRACTICE);
    private static final StaffRef OTHER_ADMIN =
            new StaffRef("staff-oscar", "oscar", "Oscar Other", Role.ADMIN, OTHER_PRACTICE);

    private static InProcessMongo mongo;

    private DirectoryController directory;
    private ClientHistoryController history;
    private MockMvc mvc;

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
        var directoryProjection = new DirectoryProjection(database);
        var historyProjection = new ClientHistoryProjection(database);
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(directoryProjection).subscribe(bus);
        new AnnotationQueryHandlerAdapter<>(historyProjection).subscribe(bus);
        QueryGateway gateway = DefaultQueryGateway.builder().queryBus(bus).build();
        VisibleClients visibleClients = new VisibleClients(gateway);
        directory = new DirectoryController(gateway, visibleClients);
        history = new ClientHistoryController(gateway, visibleClients);
        mvc = MockMvcBuilders.standaloneSetup(directory, history)
                .setCustomArgumentResolvers(new AuthenticationPrincipalArgumentResolver())
                // Spring Boot's own default: instants as ISO-8601 text
                .setMessageConverters(new MappingJackson2HttpMessageConverter(Jackson2ObjectMapperBuilder.json()
                        .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .build()))
                .build();

        publish(
                new AnnotationEventHandlerAdapter(directoryProjection),
                client("c1", PRACTICE, "Linked Client", "+61412345678", PRACTITIONER.staffId()),
                client("c2", PRACTICE, "Other Client", "+61412345679"),
                client("c9", OTHER_PRACTICE, "Their Client", "+61412345670"),
                new GroupCreated("g1", PRACTICE, "Tuesday group", List.of("c1", "c2"), ADMIN, T0),
                staff("s1", PRACTICE, "pat", Role.PRACTITIONER));
        publish(
                new AnnotationEventHandlerAdapter(historyProjection),
                requested("m1", "c1", T0),
                status("m1", "c1", DeliveryStatus.DELIVERED, T0.plusSeconds(3)),
                requested("m2", "c2", T0));
    }

    private static void publish(AnnotationEventHandlerAdapter handler, Object... events) throws Exception {
        for (Object event : events) {
            handler.handle(GenericEventMessage.asEventMessage(event));
        }
    }

    @AfterEach
    void clearCaller() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void practitionerSeesOnlyTheClientsLinkedToThem() {
        assertThat(directory.clients(PRACTITIONER)).extracting(ClientView::id).containsExactly("c1");
    }

    @Test
    void adminAndComplianceOfficerSeeEveryClientOfTheirPractice() {
        assertThat(directory.clients(ADMIN)).extracting(ClientView::id).containsExactly("c1", "c2");
        assertThat(directory.clients(COMPLIANCE)).extracting(ClientView::id).containsExactly("c1", "c2");
    }

    @Test
    void anotherPracticesClientIsNotFound() {
        assertThatThrownBy(() -> directory.client(ADMIN, "c9"))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.kind()).isEqualTo(RuleViolation.Kind.NOT_FOUND));
        assertThatThrownBy(() -> history.messages(OTHER_ADMIN, "c1", 0, 20))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.kind()).isEqualTo(RuleViolation.Kind.NOT_FOUND));
    }

    @Test
    void unknownClientIsNotFound() {
        assertThatThrownBy(() -> history.messages(ADMIN, "nobody", 0, 20))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.kind()).isEqualTo(RuleViolation.Kind.NOT_FOUND));
    }

    @Test
    void practitionerCannotSeeAClientNotLinkedToThem() {
        assertThatThrownBy(() -> directory.client(PRACTITIONER, "c2"))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.kind()).isEqualTo(RuleViolation.Kind.FORBIDDEN));
    }

    @Test
    void practitionerCannotSeeTheHistoryOfAClientNotLinkedToThem() {
        assertThatThrownBy(() -> history.messages(PRACTITIONER, "c2", 0, 20))
                .isInstanceOf(RuleViolation.class)
                .hasMessage("You can only see the history of clients linked to you.")
                .satisfies(e -> assertThat(((RuleViolation) e).kind()).isEqualTo(RuleViolation.Kind.FORBIDDEN));
    }

    @Test
    void practitionerSeesTheHistoryOfTheirOwnClient() {
        assertThat(history.messages(PRACTITIONER, "c1", 0, 20).items())
                .extracting(MessageView::messageId)
                .containsExactly("m1");
    }

    @Test
    void complianceOfficerSeesTheHistoryOfAnyClientOfTheirPractice() {
        assertThat(history.messages(COMPLIANCE, "c2", 0, 20).items())
                .extracting(MessageView::messageId)
                .containsExactly("m2");
    }

    @Test
    void pagingOutsideItsBoundsIsRefusedWithAReason() {
        for (int[] bad : new int[][] {{-1, 20}, {0, 0}, {0, 101}}) {
            assertThatThrownBy(() -> history.messages(ADMIN, "c1", bad[0], bad[1]))
                    .isInstanceOfSatisfying(
                            RuleViolation.class, e -> assertThat(e.kind()).isEqualTo(RuleViolation.Kind.INVALID))
                    .message()
                    .endsWith(".");
        }
    }

    @Test
    void practitionersSeeNoGroupsAndOthersSeeTheirPractices() {
        assertThat(directory.groups(PRACTITIONER)).isEmpty();
        assertThat(directory.groups(COMPLIANCE)).hasSize(1);
        assertThat(directory.groups(ADMIN)).singleElement().satisfies(group -> {
            assertThat(group.name()).isEqualTo("Tuesday group");
            assertThat(group.memberIds()).containsExactly("c1", "c2");
        });
        assertThat(directory.groups(OTHER_ADMIN)).isEmpty();
    }

    @Test
    void staffListIsThePractices() {
        assertThat(directory.staff(ADMIN)).singleElement().satisfies(member -> assertThat(member.username())
                .isEqualTo("pat"));
        assertThat(directory.staff(OTHER_ADMIN)).isEmpty();
    }

    @Test
    void clientListJsonShowsOnlyAMaskedMobile() throws Exception {
        actAs(ADMIN);

        mvc.perform(get("/api/clients"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value("c1"))
                .andExpect(jsonPath("$[0].name").value("Linked Client"))
                .andExpect(jsonPath("$[0].active").value(true))
                .andExpect(jsonPath("$[0].mobile").value("+61 4** *** 678"))
                .andExpect(jsonPath("$[0].hasMobile").value(true))
                .andExpect(jsonPath("$[0].optedOut").value(false))
                .andExpect(jsonPath("$[0].practitioners[0]").value(PRACTITIONER.staffId()));
    }

    @Test
    void historyJsonHasThePageAndEachMessagesTimeline() throws Exception {
        actAs(PRACTITIONER);

        mvc.perform(get("/api/clients/c1/messages").param("page", "0").param("size", "5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(5))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].messageId").value("m1"))
                .andExpect(jsonPath("$.items[0].sender").value("pat"))
                .andExpect(jsonPath("$.items[0].senderName").value("Pat Practitioner"))
                .andExpect(jsonPath("$.items[0].senderRole").value("PRACTITIONER"))
                .andExpect(jsonPath("$.items[0].audience").value("client"))
                .andExpect(jsonPath("$.items[0].status").value("delivered"))
                .andExpect(jsonPath("$.items[0].requestedAt").value("2026-03-02T09:00:00Z"))
                .andExpect(jsonPath("$.items[0].timeline[1].status").value("delivered"))
                .andExpect(jsonPath("$.items[0].timeline[1].at").value("2026-03-02T09:00:03Z"))
                .andExpect(jsonPath("$.items[0].timeline[1].eventId").doesNotExist());
    }

    private static void actAs(StaffRef caller) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(caller, null, List.of()));
    }
}
