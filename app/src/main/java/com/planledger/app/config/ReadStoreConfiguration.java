package com.planledger.app.config;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every read-store mode shares: one database for read models, tokens and command-side lookups, and the token
 * store in it. Keeping tokens next to the read models they describe means a lost read model can never be skipped
 * by a surviving token.
 */
@Configuration(proxyBeanMethods = false)
public class ReadStoreConfiguration {

    @Bean
    public MongoDatabase planLedgerDatabase(MongoClient mongoClient, PlanLedgerProperties properties) {
        return mongoClient.getDatabase(properties.getMongodb().getDatabase());
    }

    @Bean
    public MongoTemplate axonMongoTemplate(MongoClient mongoClient, PlanLedgerProperties properties) {
        return DefaultMongoTemplate.builder()
                .mongoDatabase(mongoClient, properties.getMongodb().getDatabase())
                .build();
    }

    @Bean
    public TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .build();
    }
}
