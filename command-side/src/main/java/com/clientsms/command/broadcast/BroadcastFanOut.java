package com.clientsms.command.broadcast;

import com.clientsms.kernel.sending.BroadcastRecipient;
import com.clientsms.kernel.sending.BroadcastRequested;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MessageHandlerTimeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests the messages of an accepted broadcast, part by part ({@code clientsms.broadcast.part-size} recipients to a
 * part, each part one commit). It runs on its own streaming processor whose token lives in PostgreSQL: a broadcast
 * whose fan-out was cut off by a crash or a lost segment is fanned out again from the start, and the parts already
 * requested change nothing ({@link BroadcastPart}). Never on a replay: a reset would otherwise request every past
 * broadcast's parts again (they would change nothing, at a cost).
 */
@ProcessingGroup(BroadcastFanOut.PROCESSING_GROUP)
@DisallowReplay
class BroadcastFanOut {

    static final String PROCESSING_GROUP = "broadcast-fan-out";
    static final int TIMEOUT_MS = 30 * 60 * 1000;

    private static final Logger log = LoggerFactory.getLogger(BroadcastFanOut.class);

    private final CommandGateway commands;
    private final int partSize;
    private final ExecutorService parts;

    BroadcastFanOut(CommandGateway commands, int partSize) {
        if (partSize < 1) {
            throw new IllegalArgumentException(
                    "clientsms.broadcast.part-size must be at least 1 (it was " + partSize + ").");
        }
        this.commands = commands;
        this.partSize = partSize;
        AtomicInteger threads = new AtomicInteger();
        this.parts = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "broadcast-part-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * One call requests every part, so it lasts as long as the broadcast is large: Axon's 30 s for an event handler
     * interrupted a 100,000-recipient fan-out on a busy machine, which then began again from its first part.
     */
    @EventHandler
    @MessageHandlerTimeout(timeoutMs = TIMEOUT_MS, warningThresholdMs = 120_000, warningIntervalMs = 60_000)
    void on(BroadcastRequested broadcast, MetaData metaData) {
        List<BroadcastRecipient> recipients = broadcast.recipients();
        int count = (recipients.size() + partSize - 1) / partSize;
        for (int part = 0; part < count; part++) {
            int first = part * partSize;
            RequestBroadcastPart request = new RequestBroadcastPart(
                    RequestBroadcastPart.partId(broadcast.broadcastId(), part),
                    broadcast,
                    part,
                    first,
                    Math.min(partSize, recipients.size() - first));
            request(GenericCommandMessage.asCommandMessage(request).andMetaData(metaData));
        }
        if (count > 0) {
            log.info(
                    "Broadcast {}: messages of {} recipients requested in {} parts",
                    broadcast.broadcastId(),
                    recipients.size(),
                    count);
        }
    }

    /**
     * Each part is requested from a thread of its own. From this handler's thread the part's unit of work would nest
     * in the processor's, and every part would be appended in one commit at its end, as large as the broadcast.
     */
    private void request(CommandMessage<?> part) {
        try {
            CompletableFuture.runAsync(() -> commands.sendAndWait(part), parts).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    void shutDown() {
        parts.shutdown();
    }
}
