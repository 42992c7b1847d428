package com.clientsms.query.history;

import static com.clientsms.query.support.Events.OTHER_PRACTICE;
import static com.clientsms.query.support.Events.PRACTICE;
import static com.clientsms.query.support.Events.T0;
import static com.clientsms.query.support.Events.accepted;
import static com.clientsms.query.support.Events.failed;
import static com.clientsms.query.support.Events.requested;
import static com.clientsms.query.support.Events.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.clientsms.kernel.delivery.DeliveryStatus;
import com.clientsms.kernel.delivery.SmsAccepted;
import com.clientsms.kernel.delivery.SmsStatusChanged;
import com.clientsms.kernel.query.ClientHistoryPage;
import com.clientsms.kernel.query.FindClientHistory;
import com.clientsms.kernel.query.MessageView;
import com.clientsms.kernel.query.TimelineEntry;
import com.clientsms.kernel.sending.MessageRequested;
import com.clientsms.kernel.staff.Role;
import com.clientsms.query.mongo.MessageState;
import com.clientsms.query.mongo.MongoBatch;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The history projection's behaviour, run against each MongoDB the product supports. */
abstract class ClientHistoryProjectionContract {

    private static final String CLIENT = "client-1";

    private MongoTemplate mongo;
    private ClientHistoryProjection projection;

    abstract MongoTemplate freshDatabase();

    @BeforeEach
    void setUp() {
        mongo = freshDatabase();
        projection = new ClientHistoryProjection(mongo);
    }

    @Test
    void deliveredMessageShowsEachStepOfItsWayInTheTimeline() {
        projection.on(requested("m1", CLIENT, T0), "e1");
        projection.on(accepted("m1", CLIENT, T0.plusSeconds(1)), "e2");
        projection.on(status("m1", CLIENT, DeliveryStatus.SENT, T0.plusSeconds(2)), "e3");
        projection.on(status("m1", CLIENT, DeliveryStatus.DELIVERED, T0.plusSeconds(5)), "e4");

        MessageView message = onlyMessage();
        assertThat(message.status()).isEqualTo("delivered");
        assertThat(message.timeline())
                .containsExactly(
                        new TimelineEntry("requested", T0, null, null),
                        new TimelineEntry("accepted", T0.plusSeconds(1), null, null),
                        new TimelineEntry("sent", T0.plusSeconds(2), null, null),
                        new TimelineEntry("delivered", T0.plusSeconds(5), null, null));
        assertThat(stored("m1").getString("providerMessageId")).isEqualTo("SMm1");
    }

    @Test
    void historyShowsWhoSentWhatUnderWhichRole() {
        projection.on(requested("m1", CLIENT, T0), "e1");

        MessageView message = onlyMessage();
        assertThat(message.messageId()).isEqualTo("m1");
        assertThat(message.body()).isEqualTo("Please call the practice on 02 9999 0000.");
        assertThat(message.sender()).isEqualTo("pat");
        assertThat(message.senderName()).isEqualTo("Pat Practitioner");
        assertThat(message.senderRole()).isEqualTo(Role.PRACTITIONER);
        assertThat(message.audience()).isEqualTo("client");
        assertThat(message.requestedAt()).isEqualTo(T0);
        assertThat(message.status()).isEqualTo("requested");
        assertThat(message.characters()).isEqualTo(41);
        assertThat(message.encoding()).isEqualTo("GSM_7");
        assertThat(message.segments()).isEqualTo(1);
    }

    @Test
    void failedMessageShowsTheCarrierCodeAndAReadableReason() {
        projection.on(requested("m1", CLIENT, T0), "e1");
        projection.on(accepted("m1", CLIENT, T0.plusSeconds(1)), "e2");
        projection.on(failed("m1", CLIENT, "30003", "The handset is unreachable.", T0.plusSeconds(3)), "e3");

        MessageView message = onlyMessage();
        assertThat(message.status()).isEqualTo("failed");
        assertThat(message.errorCode()).isEqualTo("30003");
        assertThat(message.reason()).isEqualTo("The handset is unreachable.");
        assertThat(message.timeline())
                .last()
                .isEqualTo(new TimelineEntry("failed", T0.plusSeconds(3), "30003", "The handset is unreachable."));
    }

    @Test
    void lateSentAfterDeliveredIsRecordedInTheTimelineButLeavesTheMessageDelivered() {
        projection.on(requested("m1", CLIENT, T0), "e1");
        projection.on(status("m1", CLIENT, DeliveryStatus.DELIVERED, T0.plusSeconds(5)), "e2");
        projection.on(status("m1", CLIENT, DeliveryStatus.SENT, T0.plusSeconds(2)), "e3");
        projection.on(accepted("m1", CLIENT, T0.plusSeconds(1)), "e4");

        MessageView message = onlyMessage();
        assertThat(message.status()).isEqualTo("delivered");
        assertThat(message.timeline())
                .extracting(TimelineEntry::status)
                .containsExactly("requested", "accepted", "sent", "delivered");
    }

    @Test
    void aFinalStatusIsNeverReplacedByAnotherFinalStatus() {
        projection.on(requested("m1", CLIENT, T0), "e1");
        projection.on(status("m1", CLIENT, DeliveryStatus.DELIVERED, T0.plusSeconds(5)), "e2");
        projection.on(failed("m1", CLIENT, "30008", "Unknown error.", T0.plusSeconds(6)), "e3");

        MessageView message = onlyMessage();
        assertThat(message.status()).isEqualTo("delivered");
        assertThat(message.errorCode()).isNull();
    }

    @Test
    void statusHandledBeforeItsRequestStillEndsAsACompleteMessage() {
        projection.on(status("m1", CLIENT, DeliveryStatus.DELIVERED, T0.plusSeconds(5)), "e2");
        projection.on(requested("m1", CLIENT, T0), "e1");

        MessageView message = onlyMessage();
        assertThat(message.status()).isEqualTo("delivered");
        assertThat(message.body()).isNotBlank();
        assertThat(message.timeline()).extracting(TimelineEntry::status).containsExactly("requested", "delivered");
    }

    @Test
    void handlingTheSameEventTwiceRecordsItOnce() {
        SmsStatusChanged sent = status("m1", CLIENT, DeliveryStatus.SENT, T0.plusSeconds(2));
        projection.on(requested("m1", CLIENT, T0), "e1");
        projection.on(sent, "e2");
        projection.on(sent, "e2");

        assertThat(onlyMessage().timeline()).extracting(TimelineEntry::status).containsExactly("requested", "sent");
    }

    @Test
    void replayingEveryEventAgainLeavesIdenticalDocuments() {
        MessageRequested request = requested("m1", CLIENT, T0);
        SmsAccepted accept = accepted("m1", CLIENT, T0.plusSeconds(1));
        SmsStatusChanged deliver = status("m1", CLIENT, DeliveryStatus.DELIVERED, T0.plusSeconds(4));
        Runnable all = () -> {
            projection.on(request, "e1");
            projection.on(accept, "e2");
            projection.on(deliver, "e3");
        };
        all.run();
        Document once = stored("m1");

        all.run();

        assertThat(stored("m1")).isEqualTo(once);
        assertThat(mongo.getCollection(ClientHistoryProjection.COLLECTION).countDocuments())
                .isEqualTo(1);
    }

    @Test
    void eventsHandledAsOneBatchLeaveTheSameDocumentsAsOneAtATime() {
        Runnable events = () -> {
            projection.on(requested("m1", CLIENT, T0), "e1");
            projection.on(accepted("m1", CLIENT, T0.plusSeconds(1)), "e2");
            projection.on(status("m2", CLIENT, DeliveryStatus.DELIVERED, T0.plusSeconds(5)), "e3");
            projection.on(status("m1", CLIENT, DeliveryStatus.DELIVERED, T0.plusSeconds(4)), "e4");
            projection.on(requested("m2", CLIENT, T0), "e5");
            projection.on(status("m1", CLIENT, DeliveryStatus.SENT, T0.plusSeconds(2)), "e6");
            projection.on(failed("m1", CLIENT, "30008", "Unknown error.", T0.plusSeconds(6)), "e7");
            projection.on(accepted("m3", CLIENT, T0.plusSeconds(1)), "e8");
            projection.on(accepted("m3", CLIENT, T0.plusSeconds(1)), "e8");
        };
        events.run();
        List<Document> oneAtATime = allStored();
        projection.reset();

        MongoBatch.open();
        try {
            events.run();
            assertThat(allStored()).as("nothing written before the flush").isEmpty();
            MongoBatch.flush();
        } finally {
            MongoBatch.close();
        }

        assertThat(allStored()).isEqualTo(oneAtATime);
        assertThat(oneAtATime).extracting(MessageState::status).containsExactly("delivered", "delivered", "accepted");
    }

    /**
     * Two instances may briefly handle the same segment (a claim taken over from an owner that was starved, not dead):
     * each replays the events from its own token, at the same time. However their batches interleave, every message
     * ends where its events say, with each step in its timeline once.
     */
    @Test
    void writersReplayingTheSameMessagesAtOnceNeverMoveOneBack() throws Exception {
        int messages = 2000;
        int writers = 8;
        List<List<Object>> steps = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            String id = "m" + i;
            Object last = i % 3 == 0
                    ? failed(id, CLIENT, "30003", "The handset is unreachable.", T0.plusSeconds(3))
                    : status(id, CLIENT, DeliveryStatus.DELIVERED, T0.plusSeconds(3));
            steps.add(List.of(
                    requested(id, CLIENT, T0),
                    accepted(id, CLIENT, T0.plusSeconds(1)),
                    status(id, CLIENT, DeliveryStatus.SENT, T0.plusSeconds(2)),
                    last));
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CyclicBarrier start = new CyclicBarrier(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                // Writer w's token is older or newer: it handles the first 1 to 4 events of each message.
                int handled = w % 4 + 1;
                done.add(pool.submit(() -> {
                    start.await();
                    MongoBatch.open();
                    try {
                        for (int i = 0; i < messages; i++) {
                            for (int step = 0; step < handled; step++) {
                                handle(steps.get(i).get(step), "m" + i + "-e" + step);
                            }
                            if (i % 2 == 1) {
                                MongoBatch.flush();
                            }
                        }
                        MongoBatch.flush();
                    } finally {
                        MongoBatch.close();
                    }
                    return null;
                }));
            }
            for (Future<?> writer : done) {
                writer.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        List<MessageView> stored = projection
                .handle(new FindClientHistory(PRACTICE, CLIENT, 0, messages))
                .items();
        assertThat(stored).hasSize(messages);
        assertThat(stored).allSatisfy(message -> {
            boolean failed = Integer.parseInt(message.messageId().substring(1)) % 3 == 0;
            assertThat(message.status()).as(message.messageId()).isEqualTo(failed ? "failed" : "delivered");
            assertThat(message.errorCode()).as(message.messageId()).isEqualTo(failed ? "30003" : null);
            assertThat(message.timeline())
                    .extracting(TimelineEntry::status)
                    .containsExactly("requested", "accepted", "sent", failed ? "failed" : "delivered");
        });
    }

    private void handle(Object event, String eventId) {
        if (event instanceof MessageRequested requested) {
            projection.on(requested, eventId);
        } else if (event instanceof SmsAccepted accepted) {
            projection.on(accepted, eventId);
        } else {
            projection.on((SmsStatusChanged) event, eventId);
        }
    }

    @Test
    void historyIsNewestFirstAndPaged() {
        for (int i = 0; i < 5; i++) {
            projection.on(requested("m" + i, CLIENT, T0.plus(Duration.ofMinutes(i))), "e" + i);
        }

        ClientHistoryPage first = projection.handle(new FindClientHistory(PRACTICE, CLIENT, 0, 2));
        ClientHistoryPage last = projection.handle(new FindClientHistory(PRACTICE, CLIENT, 2, 2));

        assertThat(first.items()).extracting(MessageView::messageId).containsExactly("m4", "m3");
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.page()).isZero();
        assertThat(first.size()).isEqualTo(2);
        assertThat(last.items()).extracting(MessageView::messageId).containsExactly("m0");
    }

    @Test
    void messagesRequestedAtTheSameMomentKeepAStableOrder() {
        projection.on(requested("m-a", CLIENT, T0), "e1");
        projection.on(requested("m-b", CLIENT, T0), "e2");

        List<String> ids = new ArrayList<>();
        ids.addAll(messageIds(0));
        ids.addAll(messageIds(1));

        assertThat(ids).containsExactly("m-b", "m-a");
    }

    @Test
    void historyShowsOnlyThatClientsMessages() {
        projection.on(requested("m1", CLIENT, T0), "e1");
        projection.on(requested("m2", "client-2", T0), "e2");

        assertThat(projection
                        .handle(new FindClientHistory(PRACTICE, CLIENT, 0, 20))
                        .items())
                .extracting(MessageView::messageId)
                .containsExactly("m1");
    }

    @Test
    void anotherPracticeSeesNothingOfAClientsHistory() {
        projection.on(requested("m1", CLIENT, T0), "e1");

        ClientHistoryPage page = projection.handle(new FindClientHistory(OTHER_PRACTICE, CLIENT, 0, 20));

        assertThat(page.items()).isEmpty();
        assertThat(page.total()).isZero();
    }

    @Test
    void resetEmptiesTheHistoryAndKeepsTheIndex() {
        projection.on(requested("m1", CLIENT, T0), "e1");

        projection.reset();

        assertThat(projection
                        .handle(new FindClientHistory(PRACTICE, CLIENT, 0, 20))
                        .total())
                .isZero();
        assertThat(mongo.indexOps(ClientHistoryProjection.COLLECTION).getIndexInfo())
                .anySatisfy(index -> assertThat(index.getName()).isEqualTo("client_newest_first"));
    }

    private List<String> messageIds(int page) {
        return projection.handle(new FindClientHistory(PRACTICE, CLIENT, page, 1)).items().stream()
                .map(MessageView::messageId)
                .toList();
    }

    private MessageView onlyMessage() {
        List<MessageView> items = projection
                .handle(new FindClientHistory(PRACTICE, CLIENT, 0, 20))
                .items();
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private Document stored(String messageId) {
        return mongo.getCollection(ClientHistoryProjection.COLLECTION)
                .find(Filters.eq("_id", messageId))
                .first();
    }

    private List<Document> allStored() {
        return mongo.getCollection(ClientHistoryProjection.COLLECTION)
                .find()
                .sort(new Document("_id", 1))
                .into(new ArrayList<>());
    }
}
