package com.clientsms.query.rebuild;

import com.clientsms.kernel.rule.RuleViolation;
import com.clientsms.query.config.ProjectionProcessingConfiguration;
import com.clientsms.query.mongo.MongoBatch;
import com.clientsms.query.rebuild.ProjectionState.LastRebuild;
import com.mongodb.client.MongoClient;
import java.lang.reflect.Constructor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Rebuilds a MongoDB projection blue/green, without downtime.
 *
 * <ol>
 *   <li>A fresh instance of the projection class, given a template that maps each of its collections to
 *       {@code <collection>__rebuild}, replays the event store from the first event, while the live model and its
 *       processor keep running and answering queries.
 *   <li>Close to the head, the live processor is paused; the replay runs on to the head as it is at that moment.
 *   <li>Each rebuilt collection replaces its live namesake with {@code renameCollection} and {@code
 *       dropTarget} (atomic per collection), and every segment of the live processor's token is set to the replay's
 *       last token. The live processor resumes from there: nothing handled twice, nothing skipped.
 * </ol>
 *
 * Only the MongoDB projections can be rebuilt; the delivery saga and the audit chain are never replayed, so a rebuild
 * never sends an SMS.
 */
@Component
public class ProjectionRebuilds implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(100);
    /** Events whose writes go to MongoDB in one bulk write per collection. */
    private static final int WRITE_BATCH = 1000;

    private final ApplicationContext context;
    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final MongoClient mongoClient;
    private final MongoDatabaseFactory databaseFactory;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Rebuild> running = new ConcurrentHashMap<>();
    private final Map<String, LastRebuild> finished = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    public ProjectionRebuilds(
            ApplicationContext context,
            EventStore eventStore,
            EventProcessingConfiguration processing,
            MongoClient mongoClient,
            MongoDatabaseFactory databaseFactory) {
        this.context = context;
        this.eventStore = eventStore;
        this.processing = processing;
        this.mongoClient = mongoClient;
        this.databaseFactory = databaseFactory;
    }

    /** A rebuild cut short by shutdown leaves only its scratch collections behind; the next one drops them. */
    @Override
    public void destroy() {
        worker.shutdownNow();
    }

    public List<ProjectionState> projections() {
        List<ProjectionState> states = new ArrayList<>();
        for (String name : ProjectionProcessingConfiguration.MONGO_GROUPS) {
            states.add(state(name));
        }
        return states;
    }

    public ProjectionState state(String name) {
        requireKnown(name);
        Rebuild rebuild = running.get(name);
        return rebuild == null
                ? new ProjectionState(name, "live", null, null, null, null, null, finished.get(name))
                : rebuild.state(finished.get(name));
    }

    /** Starts a rebuild in the background; refused while one of the same projection is running. */
    public ProjectionState rebuild(String name) {
        requireKnown(name);
        Object projection = projectionBean(name);
        Rebuild rebuild = new Rebuild(name, clock.instant());
        if (running.putIfAbsent(name, rebuild) != null) {
            throw RuleViolation.conflict("The projection " + name + " is already being rebuilt.");
        }
        rebuild.future = worker.submit(() -> run(rebuild, projection));
        return rebuild.state(finished.get(name));
    }

    /** Waits for the running rebuild of that projection, if any, to finish. */
    public void await(String name, Duration timeout) throws Exception {
        Rebuild rebuild = running.get(name);
        Future<?> future = rebuild == null ? null : rebuild.future;
        if (future != null) {
            future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void run(Rebuild rebuild, Object liveProjection) {
        String name = rebuild.name;
        String liveDatabase = databaseFactory.getMongoDatabase().getName();
        EventProcessor processor = processing.eventProcessor(name).orElse(null);
        ScratchMongoTemplate scratch = new ScratchMongoTemplate(mongoClient, liveDatabase);
        boolean paused = false;
        try {
            Object projection = newInstance(liveProjection.getClass(), scratch);
            var handler = new AnnotationEventHandlerAdapter(projection);
            // Its own reset handler clears what a rebuild that died with the process left, through the scratch
            // template: only this projection's collections, never those of another rebuild running meanwhile.
            handler.prepareReset();
            MongoBatch.open();
            log.info("Rebuild of {} started into {}", name, scratch.liveNames());
            try (BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(null)) {
                TrackingToken head = eventStore.createHeadToken();
                rebuild.total = position(head);
                replayUpTo(rebuild, events, handler, head);
                if (processor != null) {
                    processor.shutdownAsync().get(60, TimeUnit.SECONDS);
                    paused = true;
                }
                TrackingToken pausedAt = eventStore.createHeadToken();
                rebuild.total = Math.max(rebuild.total, position(pausedAt));
                replayUpTo(rebuild, events, handler, pausedAt);
            }
            swap(liveDatabase, scratch.liveNames());
            moveLiveToken(name, rebuild.lastToken);
            finished.put(name, rebuild.outcome("swapped", null, clock.instant()));
            log.info(
                    "Rebuild of {} finished: {} events in {}s, swapped in; live processor resumes after global index {}",
                    name,
                    rebuild.done,
                    String.format("%.1f", rebuild.seconds(clock.instant())),
                    position(rebuild.lastToken));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.error("Rebuild of {} failed; the live model was kept", name, e);
            finished.put(name, rebuild.outcome("failed", e.toString(), clock.instant()));
            scratch.liveNames().forEach(collection -> mongoClient
                    .getDatabase(liveDatabase)
                    .getCollection(ScratchMongoTemplate.scratchName(collection))
                    .drop());
        } finally {
            if (paused && processor != null && !worker.isShutdown()) {
                processor.start();
            }
            running.remove(name);
            MongoBatch.close();
        }
    }

    private void replayUpTo(
            Rebuild rebuild,
            BlockingStream<TrackedEventMessage<?>> events,
            AnnotationEventHandlerAdapter handler,
            TrackingToken head)
            throws Exception {
        Instant nextLog = clock.instant().plus(LOG_EVERY);
        // By position, not covers(): a permanent gap (a rolled-back append) would otherwise never be covered.
        while (head != null && (rebuild.lastToken == null || position(rebuild.lastToken) < position(head))) {
            if (!events.hasNextAvailable((int) POLL.toMillis(), TimeUnit.MILLISECONDS)) {
                MongoBatch.flush();
                continue;
            }
            TrackedEventMessage<?> event = events.nextAvailable();
            handler.handle(event);
            rebuild.lastToken = event.trackingToken();
            rebuild.done++;
            if (rebuild.done % WRITE_BATCH == 0) {
                MongoBatch.flush();
            }
            if (clock.instant().isAfter(nextLog)) {
                ProjectionState state = rebuild.state(null);
                log.info(
                        "Rebuild of {}: {} of {} events, {} events/s, ETA {}s",
                        rebuild.name,
                        state.eventsDone(),
                        state.eventsTotal(),
                        Math.round(state.eventsPerSecond()),
                        state.etaSeconds());
                nextLog = clock.instant().plus(LOG_EVERY);
            }
        }
        MongoBatch.flush();
    }

    /** Each rebuilt collection replaces its live namesake in one atomic rename. */
    private void swap(String liveDatabase, Set<String> collections) {
        var admin = mongoClient.getDatabase("admin");
        for (String collection : collections) {
            admin.runCommand(
                    new Document("renameCollection", liveDatabase + "." + ScratchMongoTemplate.scratchName(collection))
                            .append("to", liveDatabase + "." + collection)
                            .append("dropTarget", true));
        }
    }

    /** Every segment continues right after the last event the rebuilt model has seen. */
    private void moveLiveToken(String name, TrackingToken token) {
        TokenStore tokens = processing.tokenStore(name);
        int[] segments = tokens.fetchSegments(name);
        if (segments.length == 0) {
            tokens.initializeTokenSegments(name, 1, token);
            return;
        }
        for (int segment : segments) {
            tokens.storeToken(token, name, segment);
            tokens.releaseClaim(name, segment);
        }
    }

    private static long position(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }

    private Object projectionBean(String name) {
        return context.getBeansWithAnnotation(ProcessingGroup.class).values().stream()
                .filter(bean -> {
                    ProcessingGroup group = bean.getClass().getAnnotation(ProcessingGroup.class);
                    return group != null && group.value().equals(name);
                })
                .findFirst()
                .orElseThrow(() -> RuleViolation.notFound("There is no projection named '" + name + "'."));
    }

    private static Object newInstance(Class<?> type, MongoTemplate template) throws Exception {
        Constructor<?> constructor = type.getDeclaredConstructor(MongoTemplate.class);
        constructor.setAccessible(true);
        return constructor.newInstance(template);
    }

    private static void requireKnown(String name) {
        if (!ProjectionProcessingConfiguration.MONGO_GROUPS.contains(name)) {
            throw RuleViolation.notFound("There is no projection named '" + name + "'. Projections: "
                    + String.join(", ", ProjectionProcessingConfiguration.MONGO_GROUPS) + ".");
        }
    }

    /** One rebuild in progress; written by its worker thread, read by status requests. */
    private final class Rebuild {
        final String name;
        final Instant startedAt;
        volatile long total;
        volatile long done;
        volatile TrackingToken lastToken;
        volatile Future<?> future;

        Rebuild(String name, Instant startedAt) {
            this.name = name;
            this.startedAt = startedAt;
        }

        double seconds(Instant now) {
            return Math.max(0.001, Duration.between(startedAt, now).toNanos() / 1e9);
        }

        ProjectionState state(LastRebuild last) {
            double rate = done / seconds(clock.instant());
            long position = position(lastToken);
            // Progress in global index positions: gaps in the index count as done, as the replay passes them too.
            long left = Math.max(0, total - position);
            Long eta = rate > 0 ? Math.round(left / rate) : null;
            return new ProjectionState(
                    name,
                    "rebuilding",
                    Math.min(position, Math.max(total, position)),
                    total,
                    rate,
                    eta,
                    startedAt,
                    last);
        }

        LastRebuild outcome(String outcome, String error, Instant at) {
            return new LastRebuild(outcome, at, done, seconds(at), error);
        }
    }
}
