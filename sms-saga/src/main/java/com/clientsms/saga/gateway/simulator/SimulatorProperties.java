package com.clientsms.saga.gateway.simulator;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the simulated carrier behaves ({@code clientsms.simulator.*}).
 *
 * @param acceptLatency how long a send takes before the carrier answers
 * @param reportDelay the delay before "sent" is reported, and again before the final status
 * @param undeliveredRate share of accepted messages that end undelivered (with a 3000x code)
 * @param failedRate share of accepted messages that end failed
 * @param rejectedRate share of messages refused at once with a permanent error
 * @param transientFailureRate share of submissions refused at once with a transient error, 429/20429 or 503 (drawn per
 *     attempt)
 * @param seed mixed with each message id, so that the same seed always gives each message the same fate
 * @param reportThreads threads that deliver status reports
 * @param timeoutRate share of submissions that time out before reaching the carrier: the answer is ambiguous and the
 *     carrier has no record of the message (drawn per attempt)
 * @param ambiguousRate share of accepted submissions whose answer is lost: the carrier has the message but the caller
 *     hears nothing (drawn per attempt), so only a look-up tells
 * @param ledgerFile when set, every submission is appended to this file and read back at start, so the carrier's
 *     memory (what it accepted, how often it was called) survives a crash of the application; crash tests read it
 */
@ConfigurationProperties("clientsms.simulator")
public record SimulatorProperties(
        Duration acceptLatency,
        Duration reportDelay,
        double undeliveredRate,
        double failedRate,
        double rejectedRate,
        double transientFailureRate,
        long seed,
        int reportThreads,
        double timeoutRate,
        double ambiguousRate,
        Path ledgerFile) {

    @ConstructorBinding
    public SimulatorProperties(
            @DefaultValue("0ms") Duration acceptLatency,
            @DefaultValue("200ms") Duration reportDelay,
            @DefaultValue("0.05") double undeliveredRate,
            @DefaultValue("0.02") double failedRate,
            @DefaultValue("0") double rejectedRate,
            @DefaultValue("0") double transientFailureRate,
            @DefaultValue("0") long seed,
            @DefaultValue("2") int reportThreads,
            @DefaultValue("0") double timeoutRate,
            @DefaultValue("0") double ambiguousRate,
            Path ledgerFile) {
        requireNotNegative("accept-latency", acceptLatency);
        requireNotNegative("report-delay", reportDelay);
        requireRate("undelivered-rate", undeliveredRate);
        requireRate("failed-rate", failedRate);
        requireRate("rejected-rate", rejectedRate);
        requireRate("transient-failure-rate", transientFailureRate);
        requireRate("timeout-rate", timeoutRate);
        requireRate("ambiguous-rate", ambiguousRate);
        requireRate("undelivered-rate + failed-rate", undeliveredRate + failedRate);
        requireRate("rejected-rate + transient-failure-rate", rejectedRate + transientFailureRate);
        if (reportThreads < 1) {
            throw new IllegalArgumentException("clientsms.simulator.report-threads must be at least 1");
        }
        this.acceptLatency = acceptLatency;
        this.reportDelay = reportDelay;
        this.undeliveredRate = undeliveredRate;
        this.failedRate = failedRate;
        this.rejectedRate = rejectedRate;
        this.transientFailureRate = transientFailureRate;
        this.seed = seed;
        this.reportThreads = reportThreads;
        this.timeoutRate = timeoutRate;
        this.ambiguousRate = ambiguousRate;
        this.ledgerFile = ledgerFile;
    }

    /** Without the fault mix of lost answers and without a ledger file. */
    public SimulatorProperties(
            Duration acceptLatency,
            Duration reportDelay,
            double undeliveredRate,
            double failedRate,
            double rejectedRate,
            double transientFailureRate,
            long seed,
            int reportThreads) {
        this(
                acceptLatency,
                reportDelay,
                undeliveredRate,
                failedRate,
                rejectedRate,
                transientFailureRate,
                seed,
                reportThreads,
                0,
                0,
                null);
    }

    /** The defaults: a carrier that answers at once and delivers 93% of messages. */
    public static SimulatorProperties defaults() {
        return new SimulatorProperties(Duration.ZERO, Duration.ofMillis(200), 0.05, 0.02, 0, 0, 0, 2);
    }

    public SimulatorProperties withReportDelay(Duration delay) {
        return new SimulatorProperties(
                acceptLatency,
                delay,
                undeliveredRate,
                failedRate,
                rejectedRate,
                transientFailureRate,
                seed,
                reportThreads,
                timeoutRate,
                ambiguousRate,
                ledgerFile);
    }

    public SimulatorProperties withOutcomeRates(
            double undelivered, double failed, double rejected, double transientFailure) {
        return new SimulatorProperties(
                acceptLatency,
                reportDelay,
                undelivered,
                failed,
                rejected,
                transientFailure,
                seed,
                reportThreads,
                timeoutRate,
                ambiguousRate,
                ledgerFile);
    }

    /** Lost answers: timeouts before the carrier saw the message, and acceptances whose answer never came. */
    public SimulatorProperties withLostAnswers(double timeout, double ambiguous) {
        return new SimulatorProperties(
                acceptLatency,
                reportDelay,
                undeliveredRate,
                failedRate,
                rejectedRate,
                transientFailureRate,
                seed,
                reportThreads,
                timeout,
                ambiguous,
                ledgerFile);
    }

    public SimulatorProperties withSeed(long newSeed) {
        return new SimulatorProperties(
                acceptLatency,
                reportDelay,
                undeliveredRate,
                failedRate,
                rejectedRate,
                transientFailureRate,
                newSeed,
                reportThreads,
                timeoutRate,
                ambiguousRate,
                ledgerFile);
    }

    public SimulatorProperties withLedgerFile(Path file) {
        return new SimulatorProperties(
                acceptLatency,
                reportDelay,
                undeliveredRate,
                failedRate,
                rejectedRate,
                transientFailureRate,
                seed,
                reportThreads,
                timeoutRate,
                ambiguousRate,
                file);
    }

    private static void requireNotNegative(String name, Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException("clientsms.simulator." + name + " must be zero or more");
        }
    }

    private static void requireRate(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(
                    "clientsms.simulator." + name + " must be between 0 and 1, was " + value);
        }
    }
}
