package com.planledger.app.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Embedded event store: Axon's JDBC event storage on an H2 file under {@code <data-dir>/eventstore}. Every commit
 * is written to the file before the command answers ({@code WRITE_DELAY=0}); a duplicate (aggregate, sequence)
 * is recognised as a conflict by its SQL state. Rows an earlier build stored under untyped aggregate identifiers
 * are migrated at start ({@link TypeScopedAggregateIds}).
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "planledger.event-store", havingValue = "embedded", matchIfMissing = true)
public class EmbeddedEventStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedEventStoreConfiguration.class);

    @Bean(destroyMethod = "close")
    public HikariDataSource eventStoreDataSource(PlanLedgerProperties properties) {
        Path dir = properties.getDataDir().toAbsolutePath().resolve("eventstore");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the event store directory " + dir, e);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("eventstore");
        config.setJdbcUrl("jdbc:h2:file:" + dir.resolve("events") + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000;"
                + "DB_CLOSE_ON_EXIT=FALSE");
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(10);
        config.setAutoCommit(false);
        log.info("Embedded event store: H2 file under {}", dir);
        return new HikariDataSource(config);
    }

    @Bean
    public PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new DataSourceTransactionManager(dataSource);
    }

    @Bean
    public TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    @Bean
    public ConnectionProvider connectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    @Bean
    public EventStorageEngine eventStorageEngine(Serializer serializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 DataSource dataSource) {
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(new SqlStateDuplicateKeyResolver())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .build();
        engine.createSchema(H2EventTableFactory.INSTANCE);
        TypeScopedAggregateIds.migrate(dataSource);
        return engine;
    }
}
