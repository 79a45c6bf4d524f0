package com.planledger.app.config;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.planledger.command.lookup.LookupDurability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.TimeUnit;

/**
 * Production read store: a MongoDB replica set ({@code planledger.mongodb.uri}). Writes are acknowledged by a
 * majority and journaled, so an acknowledged lookup reservation or token survives the loss of the primary;
 * reads come from the primary so a command-side lookup never sees an older state than the one it wrote.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "planledger.read-store", havingValue = "mongodb")
public class MongoReadStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MongoReadStoreConfiguration.class);

    @Bean(destroyMethod = "close")
    public MongoClient mongoClient(PlanLedgerProperties properties) {
        ConnectionString uri = new ConnectionString(properties.getMongodb().getUri());
        log.info("Read store: MongoDB at {}", uri.getHosts());
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(uri)
                .writeConcern(WriteConcern.MAJORITY.withJournal(true))
                .readConcern(ReadConcern.MAJORITY)
                .readPreference(ReadPreference.primary())
                .applyToClusterSettings(c -> c.serverSelectionTimeout(10, TimeUnit.SECONDS))
                .build();
        return MongoClients.create(settings);
    }

    /** Majority-acknowledged, journaled writes are durable when acknowledged. */
    @Bean
    public LookupDurability lookupDurability() {
        return LookupDurability.ACKNOWLEDGED;
    }
}
