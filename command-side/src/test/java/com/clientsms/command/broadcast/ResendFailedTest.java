package com.clientsms.command.broadcast;

import static com.clientsms.command.TestStaff.ADMIN;
import static com.clientsms.command.TestStaff.COMPLIANCE;
import static com.clientsms.command.TestStaff.PRACTICE;
import static com.clientsms.command.TestStaff.PRACTITIONER;
import static com.clientsms.command.Violations.violation;
import static com.clientsms.kernel.rule.RuleViolation.Kind.CONFLICT;
import static com.clientsms.kernel.rule.RuleViolation.Kind.FORBIDDEN;
import static com.clientsms.kernel.rule.RuleViolation.Kind.NOT_FOUND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.hamcrest.Matchers.instanceOf;

import com.clientsms.command.lookup.AudienceMember;
import com.clientsms.command.lookup.FakeDirectoryLookup;
import com.clientsms.kernel.body.SmsEncoding;
import com.clientsms.kernel.query.FailedRecipients;
import com.clientsms.kernel.query.FindFailedRecipients;
import com.clientsms.kernel.sending.Audience;
import com.clientsms.kernel.sending.BroadcastAccepted;
import com.clientsms.kernel.sending.BroadcastRecipient;
import com.clientsms.kernel.sending.BroadcastRequested;
import com.clientsms.kernel.sending.BroadcastResendRequested;
import com.clientsms.kernel.sending.ResendFailed;
import com.clientsms.kernel.sending.SkipReason;
import com.clientsms.kernel.sending.SkippedRecipient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResendFailedTest {

    private static final String RESEND = "b-2";
    private static final String ORIGINAL = "b-1";
    private static final AudienceMember ANN = new AudienceMember("c-ann", "Ann", "+61400000001", true, false);
    private static final AudienceMember BEN = new AudienceMember("c-ben", "Ben", "+61400000002", true, true);
    private static final AudienceMember CAT = new AudienceMember("c-cat", "Cat", "+61400000003", true, false);

    private final AggregateTestFixture<Broadcast> fixture = new AggregateTestFixture<>(Broadcast.class);
    private final FakeDirectoryLookup lookup = new FakeDirectoryLookup();
    private final Outcomes outcomes = new Outcomes();

    @BeforeEach
    void setUp() {
        lookup.client(PRACTICE, ANN).client(PRACTICE, BEN).client(PRACTICE, CAT);
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(outcomes).subscribe(bus);
        fixture.registerAnnotatedCommandHandler(new ResendFailedHandler(
                fixture.getRepository(),
                lookup,
                DefaultQueryGateway.builder().queryBus(bus).build()));
    }

    @Test
    void failedRecipientsGetTheSameBodyAsANewBroadcastLinkedToTheOriginal() {
        outcomes.failed(ORIGINAL, List.of("c-ann", "c-cat"));

        fixture.givenNoPriorActivity()
                .when(new ResendFailed(RESEND, ORIGINAL, ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new BroadcastAccepted(RESEND, 2, List.of()))
                .expectEventsMatching(exactSequenceOf(
                        messageWithPayload(instanceOf(BroadcastResendRequested.class)),
                        messageWithPayload(matches(payload -> payload instanceof BroadcastRequested requested
                                && requested.recipients().stream()
                                        .map(BroadcastRecipient::clientId)
                                        .toList()
                                        .equals(List.of("c-ann", "c-cat")))),
                        andNoMore()));
    }

    @Test
    void resendSaysWhichBroadcastItResendsAndKeepsTheBody() {
        outcomes.failed(ORIGINAL, List.of("c-ann"));

        fixture.givenNoPriorActivity().when(new ResendFailed(RESEND, ORIGINAL, ADMIN));
        var events = fixture.getEventStore()
                .readEvents(RESEND)
                .asStream()
                .map(event -> event.getPayload())
                .toList();

        assertThat(events.get(0)).isInstanceOfSatisfying(BroadcastResendRequested.class, linked -> {
            assertThat(linked.originalBroadcastId()).isEqualTo(ORIGINAL);
            assertThat(linked.sender()).isEqualTo(ADMIN);
        });
        assertThat(events.get(1)).isInstanceOfSatisfying(BroadcastRequested.class, resend -> {
            assertThat(resend.body()).isEqualTo("Closed on Monday");
            assertThat(resend.broadcastId()).isEqualTo(RESEND);
            assertThat(resend.recipients())
                    .extracting(BroadcastRecipient::clientId)
                    .containsExactly("c-ann");
            assertThat(resend.audience()).isEqualTo(Audience.ALL);
            assertThat(resend.encoding()).isEqualTo(SmsEncoding.GSM_7);
        });
    }

    @Test
    void aClientWhoOptedOutSinceIsSkippedWithTheReason() {
        outcomes.failed(ORIGINAL, List.of("c-ann", "c-ben"));

        fixture.givenNoPriorActivity()
                .when(new ResendFailed(RESEND, ORIGINAL, ADMIN))
                .expectResultMessagePayload(new BroadcastAccepted(
                        RESEND, 1, List.of(new SkippedRecipient("c-ben", "Ben", SkipReason.OPTED_OUT))));
    }

    @Test
    void nothingFailedMeansNothingToResend() {
        outcomes.failed(ORIGINAL, List.of());

        fixture.givenNoPriorActivity()
                .when(new ResendFailed(RESEND, ORIGINAL, ADMIN))
                .expectException(violation(CONFLICT))
                .expectNoEvents();
    }

    @Test
    void unknownOrAnotherPracticesBroadcastIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new ResendFailed(RESEND, "b-unknown", ADMIN))
                .expectException(violation(NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void practitionersAndComplianceOfficersCannotResend() {
        outcomes.failed(ORIGINAL, List.of("c-ann"));

        fixture.givenNoPriorActivity()
                .when(new ResendFailed(RESEND, ORIGINAL, PRACTITIONER))
                .expectException(violation(FORBIDDEN))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new ResendFailed(RESEND, ORIGINAL, COMPLIANCE))
                .expectException(violation(FORBIDDEN))
                .expectNoEvents();
    }

    /** Stands for the broadcast-outcomes read model of the practice. */
    static class Outcomes {
        private final Map<String, List<String>> failedByBroadcast = new HashMap<>();

        void failed(String broadcastId, List<String> clientIds) {
            failedByBroadcast.put(broadcastId, clientIds);
        }

        @QueryHandler
        Optional<FailedRecipients> handle(FindFailedRecipients query) {
            if (!PRACTICE.equals(query.practiceId())) {
                return Optional.empty();
            }
            return Optional.ofNullable(failedByBroadcast.get(query.broadcastId()))
                    .map(clientIds -> new FailedRecipients(
                            query.broadcastId(), "all", null, null, "Closed on Monday", clientIds));
        }
    }
}
