package com.planledger.app.config;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.planledger.command.lookup.LookupDurability;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.axonframework.queryhandling.QueryBus;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Embedded read store: an in-process MongoDB-wire server (mongo-java-server) on an H2 MVStore file under
 * {@code <data-dir>/readstore}, bound to 127.0.0.1 on a free port and used only through the real MongoDB driver,
 * which alone it answers ({@link AdmittingMongoBackend}).
 * Read models, tokens and command-side lookups live in it together, and {@link CrashConsistentH2Backend} writes
 * them to disk only as whole commands, so a crash rolls them back together to a point where no token is ahead of
 * the read models it describes.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "planledger.read-store", havingValue = "embedded", matchIfMissing = true)
public class EmbeddedReadStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedReadStoreConfiguration.class);

    @Bean(destroyMethod = "close")
    public AbstractMongoBackend embeddedMongoBackend(PlanLedgerProperties properties) {
        if (properties.getEmbedded().isInMemoryReadStore()) {
            log.warn("Embedded read store in memory only: read models, tokens and lookups are lost at exit "
                    + "(for benchmarks)");
            return new MemoryBackend();
        }
        Path dir = properties.getDataDir().toAbsolutePath().resolve("readstore");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the read store directory " + dir, e);
        }
        Path file = dir.resolve("readmodels.mv");
        log.info("Embedded read store: MongoDB-wire server on the H2 file {}", file);
        return CrashConsistentH2Backend.open(file.toString(), properties.getEmbedded().getReadStoreCommitInterval());
    }

    /** The gate in front of the store: only the service's own driver is answered. */
    @Bean
    AdmittingMongoBackend admittingMongoBackend(AbstractMongoBackend backend) {
        return new AdmittingMongoBackend(backend);
    }

    @Bean(destroyMethod = "shutdownNow")
    public MongoServer embeddedMongoServer(AdmittingMongoBackend backend) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        return server;
    }

    @Bean(destroyMethod = "close")
    public MongoClient mongoClient(MongoServer server, AdmittingMongoBackend gate) {
        InetSocketAddress address = server.getLocalAddress();
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(
                        "mongodb://127.0.0.1:" + address.getPort()))
                .applicationName(gate.applicationName())
                .applyToClusterSettings(c -> c.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .build();
        return MongoClients.create(settings);
    }

    /** Behind Axon Server, a command instance on an embedded read store must be the only command instance. */
    @Bean
    @ConditionalOnExpression("'${planledger.event-store:embedded}' == 'axonserver' "
            + "and '${planledger.roles:command,query}'.toLowerCase().contains('command')")
    public SoleCommandInstance soleCommandInstance(QueryBus queryBus) {
        return new SoleCommandInstance(queryBus, 2000);
    }

    /**
     * The store writes to disk every commit interval: lookup writes are flushed before their events commit. The
     * lookups belong to this instance alone (the one command instance an embedded read store supports), so it
     * rebuilds them after its own crash.
     */
    @Bean
    public LookupDurability lookupDurability(AbstractMongoBackend backend) {
        return new LookupDurability() {
            @Override
            public void flush() {
                if (backend instanceof H2Backend h2) {
                    h2.commit();
                }
            }

            @Override
            public boolean ownedByThisInstance() {
                return true;
            }
        };
    }
}
