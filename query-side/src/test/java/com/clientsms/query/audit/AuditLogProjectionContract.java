package com.clientsms.query.audit;

import static com.clientsms.query.support.Events.ADMIN;
import static com.clientsms.query.support.Events.OTHER_PRACTICE;
import static com.clientsms.query.support.Events.PRACTICE;
import static com.clientsms.query.support.Events.T0;
import static com.clientsms.query.support.Events.accepted;
import static com.clientsms.query.support.Events.failed;
import static com.clientsms.query.support.Events.requested;
import static com.clientsms.query.support.Events.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.clientsms.kernel.body.SmsEncoding;
import com.clientsms.kernel.delivery.DeliveryStatus;
import com.clientsms.kernel.query.AuditEntry;
import com.clientsms.kernel.query.AuditPage;
import com.clientsms.kernel.query.FindAuditEntries;
import com.clientsms.kernel.query.TimelineEntry;
import com.clientsms.kernel.sending.Audience;
import com.clientsms.kernel.sending.MessageRequested;
import com.clientsms.kernel.staff.Role;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The audit log projection's behaviour, run against each MongoDB the product supports. */
abstract class AuditLogProjectionContract {

    private MongoTemplate mongo;
    private AuditLogProjection projection;

    abstract MongoTemplate freshDatabase();

    @BeforeEach
    void setUp() {
        mongo = freshDatabase();
        projection = new AuditLogProjection(mongo);
    }

    @Test
    void entryRecordsWhoSentWhatToWhomUnderWhichRoleAndItsCost() {
        projection.on(requested("m1", "c1", T0), "e1");

        AuditEntry entry = only(all(true));
        assertThat(entry.messageId()).isEqualTo("m1");
        assertThat(entry.senderUsername()).isEqualTo("pat");
        assertThat(entry.senderName()).isEqualTo("Pat Practitioner");
        assertThat(entry.senderRole()).isEqualTo(Role.PRACTITIONER);
        assertThat(entry.audience()).isEqualTo("client");
        assertThat(entry.clientId()).isEqualTo("c1");
        assertThat(entry.clientName()).isEqualTo("Casey Client");
        assertThat(entry.to()).isEqualTo("+61412345678");
        assertThat(entry.body()).isEqualTo("Please call the practice on 02 9999 0000.");
        assertThat(entry.characters()).isEqualTo(41);
        assertThat(entry.encoding()).isEqualTo("GSM_7");
        assertThat(entry.segments()).isEqualTo(1);
        assertThat(entry.requestedAt()).isEqualTo(T0);
        assertThat(entry.status()).isEqualTo("requested");
    }

    @Test
    void numberIsMaskedUnlessRevealed() {
        projection.on(requested("m1", "c1", T0), "e1");

        assertThat(only(all(false)).to()).isEqualTo("+61 4** *** 678");
    }

    @Test
    void fullTimelineKeepsTheRawCarrierCodes() {
        projection.on(requested("m1", "c1", T0), "e1");
        projection.on(accepted("m1", "c1", T0.plusSeconds(1)), "e2");
        projection.on(failed("m1", "c1", "30003", "The handset is unreachable.", T0.plusSeconds(3)), "e3");

        AuditEntry entry = only(all(true));
        assertThat(entry.status()).isEqualTo("failed");
        assertThat(entry.errorCode()).isEqualTo("30003");
        assertThat(entry.timeline())
                .containsExactly(
                        new TimelineEntry("requested", T0, null, null),
                        new TimelineEntry("accepted", T0.plusSeconds(1), null, null),
                        new TimelineEntry("failed", T0.plusSeconds(3), "30003", "The handset is unreachable."));
    }

    @Test
    void lateReportIsRecordedButNeverMovesTheStatusBack() {
        projection.on(requested("m1", "c1", T0), "e1");
        projection.on(status("m1", "c1", DeliveryStatus.DELIVERED, T0.plusSeconds(5)), "e2");
        projection.on(status("m1", "c1", DeliveryStatus.SENT, T0.plusSeconds(2)), "e3");

        AuditEntry entry = only(all(true));
        assertThat(entry.status()).isEqualTo("delivered");
        assertThat(entry.timeline())
                .extracting(TimelineEntry::status)
                .containsExactly("requested", "sent", "delivered");
    }

    @Test
    void replayingEveryEventAgainLeavesIdenticalDocuments() {
        Runnable all = () -> {
            projection.on(requested("m1", "c1", T0), "e1");
            projection.on(accepted("m1", "c1", T0.plusSeconds(1)), "e2");
            projection.on(status("m1", "c1", DeliveryStatus.DELIVERED, T0.plusSeconds(4)), "e3");
        };
        all.run();
        Document once = stored("m1");

        all.run();

        assertThat(stored("m1")).isEqualTo(once);
        assertThat(mongo.getCollection(AuditLogProjection.COLLECTION).countDocuments())
                .isEqualTo(1);
    }

    @Test
    void statusHandledBeforeItsRequestStillEndsAsACompleteEntry() {
        projection.on(status("m1", "c1", DeliveryStatus.DELIVERED, T0.plusSeconds(5)), "e2");
        assertThat(all(true).total()).isZero();

        projection.on(requested("m1", "c1", T0), "e1");

        AuditEntry entry = only(all(true));
        assertThat(entry.status()).isEqualTo("delivered");
        assertThat(entry.body()).isNotBlank();
    }

    @Test
    void newestFirstAndPaged() {
        for (int i = 0; i < 5; i++) {
            projection.on(requested("m" + i, "c1", T0.plus(Duration.ofMinutes(i))), "e" + i);
        }

        AuditPage first = projection.handle(query(null, null, null, null, null, null, 0, 2));
        AuditPage last = projection.handle(query(null, null, null, null, null, null, 2, 2));

        assertThat(first.items()).extracting(AuditEntry::messageId).containsExactly("m4", "m3");
        assertThat(first.total()).isEqualTo(5);
        assertThat(last.items()).extracting(AuditEntry::messageId).containsExactly("m0");
    }

    @Test
    void filtersNarrowTheSelection() {
        projection.on(requested("m-early", "c1", T0), "e1");
        projection.on(requested("m-late", "c2", T0.plus(Duration.ofHours(2))), "e2");
        projection.on(broadcastMessage("m-all", "c3", T0.plus(Duration.ofHours(1))), "e3");
        projection.on(failed("m-late", "c2", "30005", "Unknown number.", T0.plus(Duration.ofHours(3))), "e4");

        assertThat(ids(query(T0.plusSeconds(1), null, null, null, null, null, 0, 20)))
                .containsExactly("m-late", "m-all");
        assertThat(ids(query(null, T0.plus(Duration.ofHours(1)), null, null, null, null, 0, 20)))
                .containsExactly("m-early");
        assertThat(ids(query(null, null, "alice", null, null, null, 0, 20))).containsExactly("m-all");
        assertThat(ids(query(null, null, null, "c2", null, null, 0, 20))).containsExactly("m-late");
        assertThat(ids(query(null, null, null, null, "all", null, 0, 20))).containsExactly("m-all");
        assertThat(ids(query(null, null, null, null, "client", null, 0, 20))).containsExactly("m-late", "m-early");
        assertThat(ids(query(null, null, null, null, null, "failed", 0, 20))).containsExactly("m-late");
    }

    @Test
    void anotherPracticeSeesNothing() {
        projection.on(requested("m1", "c1", T0), "e1");
        projection.on(requested("m2", OTHER_PRACTICE, "c9", T0), "e2");

        AuditPage other = projection.handle(
                new FindAuditEntries(OTHER_PRACTICE, null, null, null, null, null, null, true, 0, 20));

        assertThat(other.items()).extracting(AuditEntry::messageId).containsExactly("m2");
        assertThat(ids(query(null, null, null, null, null, null, 0, 20))).containsExactly("m1");
    }

    @Test
    void exportStreamsTheWholeSelectionNewestFirst() {
        for (int i = 0; i < 250; i++) {
            projection.on(requested("m" + i, "c1", T0.plusSeconds(i)), "e" + i);
        }
        List<String> exported = new ArrayList<>();

        long count = projection.export(
                query(null, null, null, null, null, null, 0, 1), entry -> exported.add(entry.messageId()));

        assertThat(count).isEqualTo(250);
        assertThat(exported).hasSize(250).startsWith("m249", "m248").endsWith("m0");
    }

    @Test
    void resetEmptiesTheLog() {
        projection.on(requested("m1", "c1", T0), "e1");

        projection.reset();

        assertThat(all(true).total()).isZero();
    }

    private static MessageRequested broadcastMessage(String messageId, String clientId, Instant at) {
        return new MessageRequested(
                messageId,
                PRACTICE,
                clientId,
                "Bo Broadcast",
                "+61412000111",
                ADMIN,
                Audience.ALL,
                "b1",
                null,
                "Closed on Friday.",
                17,
                SmsEncoding.GSM_7,
                1,
                at);
    }

    private AuditPage all(boolean reveal) {
        return projection.handle(new FindAuditEntries(PRACTICE, null, null, null, null, null, null, reveal, 0, 20));
    }

    private static FindAuditEntries query(
            Instant from,
            Instant to,
            String sender,
            String clientId,
            String audience,
            String status,
            int page,
            int size) {
        return new FindAuditEntries(PRACTICE, from, to, sender, clientId, audience, status, true, page, size);
    }

    private List<String> ids(FindAuditEntries query) {
        return projection.handle(query).items().stream()
                .map(AuditEntry::messageId)
                .toList();
    }

    private static AuditEntry only(AuditPage page) {
        assertThat(page.items()).hasSize(1);
        return page.items().get(0);
    }

    private Document stored(String messageId) {
        return mongo.getCollection(AuditLogProjection.COLLECTION)
                .find(Filters.eq("_id", messageId))
                .first();
    }
}
