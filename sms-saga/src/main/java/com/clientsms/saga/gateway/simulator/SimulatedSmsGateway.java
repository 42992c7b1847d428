package com.clientsms.saga.gateway.simulator;

import com.clientsms.kernel.phone.PhoneNumber;
import com.clientsms.saga.gateway.CarrierErrors;
import com.clientsms.saga.gateway.DeliveryReport;
import com.clientsms.saga.gateway.DeliveryReports;
import com.clientsms.saga.gateway.OutboundSms;
import com.clientsms.saga.gateway.SendOutcome;
import com.clientsms.saga.gateway.SmsGateway;
import com.clientsms.saga.gateway.simulator.SimulatedFate.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A carrier that behaves like Twilio without the network: it answers a send at once (after the configured latency)
 * with a Twilio-shaped id, then reports "sent" and a final status from its own threads, as Twilio's callbacks would.
 *
 * <p>Each message's fate is drawn from a random generator seeded with the configured seed and the message id, so a
 * run can be predicted ({@link #fateOf}). Twilio's magic test numbers are refused as Twilio refuses them. A ledger
 * counts every submission per message and what the carrier accepted: crash tests check each recipient was sent exactly
 * once. With {@code clientsms.simulator.ledger-file} set, that ledger (and what {@link #find} and
 * {@link #currentStatus} answer from) is kept in a file and survives a crash of the application.
 *
 * <p>Besides refusals, the fault mix has lost answers: a timeout before the request reached the carrier (ambiguous,
 * the carrier has nothing) and an acceptance whose answer is lost (ambiguous, the carrier has the message).
 */
public class SimulatedSmsGateway implements SmsGateway, AutoCloseable {

    /** Twilio's test number for "invalid number" (21211). */
    public static final String INVALID_NUMBER = "+15005550001";
    /** Twilio's test number for "not a mobile number" (21614). */
    public static final String NOT_A_MOBILE = "+15005550009";
    /** Twilio's test number for a recipient who replied STOP (21610). */
    public static final String OPTED_OUT = "+15005550004";

    private static final Map<String, String> MAGIC_NUMBERS = Map.of(
            INVALID_NUMBER, CarrierErrors.INVALID_NUMBER,
            NOT_A_MOBILE, CarrierErrors.NOT_A_MOBILE,
            OPTED_OUT, CarrierErrors.OPTED_OUT);

    // Opt-out (21610) is left out of the random mix: it marks the client, which only the magic number should do.
    private static final List<String> REJECTION_CODES = List.of("21211", "21408", "21614");
    private static final List<String> TRANSIENT_CODES = List.of(CarrierErrors.TOO_MANY_REQUESTS, "503");
    private static final List<String> UNDELIVERED_CODES = List.of("30003", "30004", "30005", "30006", "30007");
    private static final List<String> FAILED_CODES = List.of("30008");

    private static final Logger log = LoggerFactory.getLogger(SimulatedSmsGateway.class);

    private final SimulatorProperties properties;
    private final DeliveryReports reports;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Map<String, AtomicInteger> submissionsByMessage = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> acceptancesByMessage = new ConcurrentHashMap<>();
    private final SimulatorLedgerFile ledgerFile;
    private final AtomicLong totalSubmissions = new AtomicLong();
    /** What the simulated carrier knows of each message it accepted: its id and the last status it reported. */
    private final Map<String, DeliveryReport> carrierRecords = new ConcurrentHashMap<>();

    public SimulatedSmsGateway(SimulatorProperties properties, DeliveryReports reports) {
        this(properties, reports, Clock.systemUTC());
    }

    public SimulatedSmsGateway(SimulatorProperties properties, DeliveryReports reports, Clock clock) {
        this.properties = properties;
        this.reports = reports;
        this.clock = clock;
        AtomicInteger threadNumber = new AtomicInteger();
        this.scheduler = Executors.newScheduledThreadPool(properties.reportThreads(), runnable -> {
            Thread thread = new Thread(runnable, "sms-simulator-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.ledgerFile = properties.ledgerFile() == null ? null : new SimulatorLedgerFile(properties.ledgerFile());
        if (properties.ledgerFile() != null) {
            restore(SimulatorLedgerFile.read(properties.ledgerFile()));
        }
    }

    /** What the carrier remembers from before a restart; the reports it still owed are taken as reported. */
    private void restore(List<SimulatorLedgerFile.Entry> entries) {
        for (SimulatorLedgerFile.Entry entry : entries) {
            submissionsByMessage
                    .computeIfAbsent(entry.messageId(), id -> new AtomicInteger())
                    .accumulateAndGet(entry.submission(), Math::max);
            totalSubmissions.incrementAndGet();
            if (entry.accepted()) {
                acceptancesByMessage
                        .computeIfAbsent(entry.messageId(), id -> new AtomicInteger())
                        .incrementAndGet();
                carrierRecords.put(
                        entry.messageId(),
                        new DeliveryReport(
                                entry.providerMessageId(),
                                entry.messageId(),
                                entry.finalStatus(),
                                entry.errorCode(),
                                clock.instant()));
            }
        }
        if (!entries.isEmpty()) {
            log.info("Simulated carrier restored {} submissions from {}", entries.size(), properties.ledgerFile());
        }
    }

    @Override
    public SendOutcome send(OutboundSms sms) {
        int submission = submissionsByMessage
                .computeIfAbsent(sms.messageId(), id -> new AtomicInteger())
                .incrementAndGet();
        totalSubmissions.incrementAndGet();
        awaitAcceptLatency();
        SimulatedFate fate = fateOf(sms.messageId(), sms.to(), submission);
        log.debug(
                "Simulated send of message {} to {} ({} chars, {} segments, submission {}): {}",
                sms.messageId(),
                PhoneNumber.mask(sms.to()),
                sms.body() == null ? 0 : sms.body().length(),
                sms.segments(),
                submission,
                fate.outcome());
        return switch (fate.outcome()) {
            case REJECTED -> {
                remember(sms.messageId(), submission, fate, null);
                yield new SendOutcome.Rejected(fate.errorCode(), CarrierErrors.reason(fate.errorCode()));
            }
            case TRANSIENT_FAILURE -> {
                remember(sms.messageId(), submission, fate, null);
                yield new SendOutcome.TransientFailure(fate.errorCode(), CarrierErrors.reason(fate.errorCode()));
            }
            case TIMED_OUT -> {
                remember(sms.messageId(), submission, fate, null);
                yield new SendOutcome.Ambiguous("The carrier did not answer in time.");
            }
            case DELIVERED, UNDELIVERED, FAILED -> {
                SendOutcome.Accepted accepted = accept(sms.messageId(), submission, fate);
                yield fate.answerLost()
                        ? new SendOutcome.Ambiguous("The connection was reset before the carrier answered.")
                        : accepted;
            }
        };
    }

    private void remember(String messageId, int submission, SimulatedFate fate, String providerMessageId) {
        if (ledgerFile != null) {
            ledgerFile.append(new SimulatorLedgerFile.Entry(
                    messageId,
                    submission,
                    fate.outcome(),
                    providerMessageId,
                    providerMessageId == null ? null : fate.carrierStatus(),
                    fate.errorCode()));
        }
    }

    /** The fate of a message's first submission. */
    public SimulatedFate fateOf(String messageId, String to) {
        return fateOf(messageId, to, 1);
    }

    /**
     * The fate of the given submission (1 for the first) of a message. Rejection and the delivery outcome belong to the
     * message and are the same on every submission; a transient failure is drawn per submission, so a retry can pass.
     */
    public SimulatedFate fateOf(String messageId, String to, int submission) {
        String magicCode = MAGIC_NUMBERS.get(to);
        if (magicCode != null) {
            return new SimulatedFate(Outcome.REJECTED, magicCode);
        }
        long messageSeed = mix(properties.seed(), messageId);
        SplittableRandom perMessage = new SplittableRandom(messageSeed);
        double rejectionDraw = perMessage.nextDouble();
        double deliveryDraw = perMessage.nextDouble();
        int codeDraw = perMessage.nextInt(Integer.MAX_VALUE);
        if (rejectionDraw < properties.rejectedRate()) {
            return new SimulatedFate(Outcome.REJECTED, pick(REJECTION_CODES, codeDraw));
        }
        SplittableRandom perSubmission = new SplittableRandom(messageSeed + submission);
        double transientDraw = perSubmission.nextDouble();
        if (transientDraw < properties.transientFailureRate()) {
            return new SimulatedFate(Outcome.TRANSIENT_FAILURE, pick(TRANSIENT_CODES, codeDraw));
        }
        if (perSubmission.nextDouble() < properties.timeoutRate()) {
            return new SimulatedFate(Outcome.TIMED_OUT, null);
        }
        boolean answerLost = perSubmission.nextDouble() < properties.ambiguousRate();
        if (deliveryDraw < properties.undeliveredRate()) {
            return new SimulatedFate(Outcome.UNDELIVERED, pick(UNDELIVERED_CODES, codeDraw), answerLost);
        }
        if (deliveryDraw < properties.undeliveredRate() + properties.failedRate()) {
            return new SimulatedFate(Outcome.FAILED, pick(FAILED_CODES, codeDraw), answerLost);
        }
        return new SimulatedFate(Outcome.DELIVERED, null, answerLost);
    }

    @Override
    public Optional<SendOutcome.Accepted> find(OutboundSms sms, Instant notBefore) {
        return Optional.ofNullable(carrierRecords.get(sms.messageId()))
                .map(record -> new SendOutcome.Accepted(record.providerMessageId(), record.occurredAt()));
    }

    @Override
    public Optional<DeliveryReport> currentStatus(String providerMessageId, String messageId) {
        return Optional.ofNullable(carrierRecords.get(messageId))
                .filter(record -> record.providerMessageId().equals(providerMessageId));
    }

    /** How many times the message was handed to this gateway, whatever the answer. */
    public int submissions(String messageId) {
        AtomicInteger count = submissionsByMessage.get(messageId);
        return count == null ? 0 : count.get();
    }

    /** How many times the carrier took the message (an answer lost on the way back included). */
    public int acceptances(String messageId) {
        AtomicInteger count = acceptancesByMessage.get(messageId);
        return count == null ? 0 : count.get();
    }

    /** How many sends this gateway received in all. */
    public long totalSubmissions() {
        return totalSubmissions.get();
    }

    /** A copy of the ledger: submissions per message id. */
    public Map<String, Integer> submissionsByMessage() {
        Map<String, Integer> copy = new HashMap<>();
        submissionsByMessage.forEach((id, count) -> copy.put(id, count.get()));
        return Map.copyOf(copy);
    }

    /** Stops reporting; reports still pending are dropped, as callbacks are while the application is down. */
    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    private SendOutcome.Accepted accept(String messageId, int submission, SimulatedFate fate) {
        String providerMessageId = "SM" + UUID.randomUUID().toString().replace("-", "");
        remember(messageId, submission, fate, providerMessageId);
        acceptancesByMessage
                .computeIfAbsent(messageId, id -> new AtomicInteger())
                .incrementAndGet();
        carrierRecords.put(
                messageId, new DeliveryReport(providerMessageId, messageId, "queued", null, clock.instant()));
        schedule(() -> {
            report(providerMessageId, messageId, "sent", null);
            schedule(() -> report(providerMessageId, messageId, fate.carrierStatus(), fate.errorCode()));
        });
        return new SendOutcome.Accepted(providerMessageId, clock.instant());
    }

    private void schedule(Runnable task) {
        try {
            scheduler.schedule(task, properties.reportDelay().toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("Simulator is shut down; a status report is dropped");
        }
    }

    private void report(String providerMessageId, String messageId, String status, String errorCode) {
        DeliveryReport report = new DeliveryReport(providerMessageId, messageId, status, errorCode, clock.instant());
        carrierRecords.put(messageId, report);
        try {
            reports.report(report);
        } catch (RuntimeException e) {
            log.warn("Status report '{}' for message {} was not taken", status, messageId, e);
        }
    }

    private void awaitAcceptLatency() {
        Duration latency = properties.acceptLatency();
        if (latency.isZero()) {
            return;
        }
        try {
            // Stands in for the blocking HTTP round trip of a real carrier.
            TimeUnit.NANOSECONDS.sleep(latency.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String pick(List<String> codes, int draw) {
        return codes.get(draw % codes.size());
    }

    /** FNV-1a over the message id, folded into the seed. */
    private static long mix(long seed, String messageId) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < messageId.length(); i++) {
            hash ^= messageId.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash ^ (seed * 0x9E3779B97F4A7C15L);
    }
}
