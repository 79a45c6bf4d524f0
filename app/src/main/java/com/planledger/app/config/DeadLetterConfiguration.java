package com.planledger.app.config;

import com.planledger.query.catalog.PlanCatalogProjection;
import com.planledger.query.customers.CustomerProjection;
import com.planledger.query.dashboard.DashboardProjection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.axonframework.common.transaction.TransactionManager;
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
 * same partner (the processors sequence by partner), and processing goes on for every other partner; an operator
 * retries the parked events once the cause is fixed ({@code /v1/admin/projections/{name}/dead-letters}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${planledger.roles:command,query}'.toLowerCase().contains('query')")
public class DeadLetterConfiguration {

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
            processing.registerDeadLetterQueue(group, configuration -> MongoSequencedDeadLetterQueue.builder()
                    .processingGroup(group)
                    .mongoTemplate(axonMongoTemplate)
                    .serializer(configuration.serializer())
                    .transactionManager(configuration.getComponent(TransactionManager.class))
                    .build());
        }
    }
}
