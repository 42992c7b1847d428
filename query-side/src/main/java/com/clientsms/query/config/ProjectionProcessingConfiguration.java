package com.clientsms.query.config;

import com.clientsms.kernel.delivery.SmsAccepted;
import com.clientsms.kernel.delivery.SmsStatusChanged;
import com.clientsms.kernel.sending.MessageRequested;
import com.clientsms.query.audit.AuditLogProjection;
import com.clientsms.query.broadcast.BroadcastOutcomeProjection;
import com.clientsms.query.directory.DirectoryProjection;
import com.clientsms.query.history.ClientHistoryProjection;
import com.mongodb.client.MongoClient;
import java.time.Duration;
import java.util.List;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * Runs the MongoDB projections as pooled streaming processors whose tracking tokens live in MongoDB beside their
 * models: a lost or fresh database then means a replay from the first event, never a model that is behind its token.
 *
 * <p>The token store is registered per processing group on purpose. A {@code TokenStore} bean would become the default
 * of every processor, the saga's included, whose token belongs in PostgreSQL with the saga.
 *
 * <p>A handler that fails (MongoDB unreachable, say) fails its batch, which the processor retries with back-off from
 * the last stored token. Axon's default for event handlers is to log and carry on, which would leave the event out of
 * the model for good while the token moves past it.
 *
 * <p>Segment claims expire after {@code clientsms.cluster.claim-timeout}: that long after an instance dies, another one
 * takes its segments over.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class ProjectionProcessingConfiguration {

    /** The processing groups whose tokens live in MongoDB. */
    public static final List<String> MONGO_GROUPS = List.of(
            ClientHistoryProjection.PROCESSING_GROUP,
            DirectoryProjection.PROCESSING_GROUP,
            AuditLogProjection.PROCESSING_GROUP,
            BroadcastOutcomeProjection.PROCESSING_GROUP);

    /** The projections that write through {@link com.clientsms.query.mongo.MongoBatch}: one bulk write per batch. */
    static final List<String> BATCHED_GROUPS = List.of(
            ClientHistoryProjection.PROCESSING_GROUP,
            AuditLogProjection.PROCESSING_GROUP,
            BroadcastOutcomeProjection.PROCESSING_GROUP);

    @Bean
    ConfigurerModule mongoProjectionProcessors(
            MongoClient mongoClient,
            MongoDatabaseFactory databaseFactory,
            @Value("${clientsms.query.batch-size:100}") int batchSize,
            @Value("${clientsms.cluster.claim-timeout:10s}") Duration claimTimeout) {
        // The same database Spring Data writes the read models to (spring.data.mongodb.database or the URI's).
        String database = databaseFactory.getMongoDatabase().getName();
        MongoTemplate tokens = DefaultMongoTemplate.builder()
                .mongoDatabase(mongoClient, database)
                .build();
        return configurer ->
                configurer.eventProcessing(processing -> configure(processing, tokens, batchSize, claimTimeout));
    }

    static void configure(
            EventProcessingConfigurer processing, MongoTemplate tokens, int batchSize, Duration claimTimeout) {
        for (String group : MONGO_GROUPS) {
            processing
                    .registerPooledStreamingEventProcessor(
                            group, Configuration::eventStore, (configuration, builder) -> builder.batchSize(batchSize))
                    .registerTokenStore(group, configuration -> MongoTokenStore.builder()
                            .mongoTemplate(tokens)
                            .serializer(configuration.serializer())
                            .claimTimeout(claimTimeout)
                            .build())
                    .registerListenerInvocationErrorHandler(group, configuration -> PropagatingErrorHandler.instance())
                    // MongoDB writes take part in no PostgreSQL transaction; holding one open per batch only costs.
                    .registerTransactionManager(group, configuration -> NoTransactionManager.instance());
        }
        for (String group : BATCHED_GROUPS) {
            processing.registerHandlerInterceptor(group, configuration -> new BatchedProjectionWrites());
        }
        processing.registerSequencingPolicy(ClientHistoryProjection.PROCESSING_GROUP, configuration -> perMessage());
        processing.registerSequencingPolicy(AuditLogProjection.PROCESSING_GROUP, configuration -> perMessage());
        processing.registerSequencingPolicy(BroadcastOutcomeProjection.PROCESSING_GROUP, configuration -> perMessage());
    }

    /**
     * A message's request comes from a client or broadcast aggregate and its delivery events from the message's own;
     * keyed by message id they land on one segment, in the order they were stored.
     */
    static SequencingPolicy<EventMessage<?>> perMessage() {
        SequentialPerAggregatePolicy perAggregate = SequentialPerAggregatePolicy.instance();
        return event -> {
            Object payload = event.getPayload();
            if (payload instanceof MessageRequested requested) {
                return requested.messageId();
            }
            if (payload instanceof SmsAccepted accepted) {
                return accepted.messageId();
            }
            if (payload instanceof SmsStatusChanged changed) {
                return changed.messageId();
            }
            return perAggregate.getSequenceIdentifierFor(event);
        };
    }
}
