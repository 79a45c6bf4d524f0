package com.planledger.app.config;

import com.planledger.query.catalog.PlanCatalogProjection;
import com.planledger.query.customers.CustomerProjection;
import com.planledger.query.dashboard.DashboardProjection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.planledger.query.admin.DeadLetterQueues;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.context.annotation.Bean;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * Dead letters of the read models live in MongoDB, next to the read models and their tokens (collection
 * {@code deadletters}). When a projection fails on an event, the event is parked with every later event of the
 * same aggregate (the processors sequence by aggregate), and processing goes on for every other one; an operator
 * lists, retries or drops the parked events ({@code /v1/admin/projections/{name}/dead-letters}). A replay parks
 * into a queue of its own, which replaces the read model's when the rebuilt generation goes live.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${planledger.roles:command,query}'.toLowerCase().contains('query')")
public class DeadLetterConfiguration {

    private static final String GROUP_FIELD = "processingGroup";

    /** The read models whose failures are parked. */
    static final List<String> GROUPS = List.of(PlanCatalogProjection.GROUP, CustomerProjection.GROUP,
            DashboardProjection.GROUP);

    @Autowired
    void deadLetterQueues(EventProcessingConfigurer processing, MongoTemplate axonMongoTemplate) {
        // the queue looks letters up by group, sequence and index, and orders them by index
        axonMongoTemplate.deadLetterCollection().createIndex(
                Indexes.ascending("processingGroup", "sequenceIdentifier", "index"),
                new IndexOptions().name("group_sequence_index"));
        for (String group : GROUPS) {
            processing.registerDeadLetterQueue(group, configuration -> queue(group, axonMongoTemplate,
                    configuration.serializer(), configuration.getComponent(TransactionManager.class)));
        }
    }

    private static MongoSequencedDeadLetterQueue<EventMessage<?>> queue(String group, MongoTemplate template,
                                                                        Serializer serializer,
                                                                        TransactionManager transactionManager) {
        return MongoSequencedDeadLetterQueue.builder()
                .processingGroup(group)
                .mongoTemplate(template)
                .serializer(serializer)
                .transactionManager(transactionManager)
                .build();
    }

    /** The same queues for the processors of replays, and the hand-over of a rebuild's letters. */
    @Bean
    DeadLetterQueues deadLetterQueuesForRebuilds(MongoTemplate axonMongoTemplate, Serializer serializer,
                                                 TransactionManager transactionManager) {
        return new DeadLetterQueues() {
            @Override
            public SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
                return DeadLetterConfiguration.queue(group, axonMongoTemplate, serializer, transactionManager);
            }

            @Override
            public void replace(String to, String from) {
                var letters = axonMongoTemplate.deadLetterCollection();
                letters.deleteMany(Filters.eq(GROUP_FIELD, to));
                letters.updateMany(Filters.eq(GROUP_FIELD, from), Updates.set(GROUP_FIELD, to));
            }
        };
    }
}
