package com.planledger.app.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The service's own settings ({@code planledger.*}). The two store switches are independent: where events go
 * ({@link #eventStore}) and where read models, tokens and command-side lookups go ({@link #readStore}).
 */
@ConfigurationProperties(prefix = "planledger")
public class PlanLedgerProperties {

    public enum EventStoreMode { EMBEDDED, AXONSERVER }

    public enum ReadStoreMode { EMBEDDED, MONGODB }

    private static final Set<String> ROLES = Set.of("command", "query");

    /** Data directory of the embedded stores ({@code PLANLEDGER_DATA_DIR}). */
    private Path dataDir = Path.of("data");
    /** {@code embedded} (H2 file) or {@code axonserver} ({@code axon.axonserver.servers}). */
    private EventStoreMode eventStore = EventStoreMode.EMBEDDED;
    /** {@code embedded} (in-process MongoDB-wire server) or {@code mongodb} ({@code planledger.mongodb.uri}). */
    private ReadStoreMode readStore = ReadStoreMode.EMBEDDED;
    /** Which sides this instance runs: {@code command}, {@code query} or both (the default). */
    private String roles = "command,query";
    private final Mongo mongodb = new Mongo();
    private final Security security = new Security();
    private final Embedded embedded = new Embedded();
    private final Web web = new Web();

    public Path getDataDir() {
        return dataDir;
    }

    public void setDataDir(Path dataDir) {
        this.dataDir = dataDir;
    }

    public EventStoreMode getEventStore() {
        return eventStore;
    }

    public void setEventStore(EventStoreMode eventStore) {
        this.eventStore = eventStore;
    }

    public ReadStoreMode getReadStore() {
        return readStore;
    }

    public void setReadStore(ReadStoreMode readStore) {
        this.readStore = readStore;
    }

    public String getRoles() {
        return roles;
    }

    /** Refuses at start-up what would start neither side: an empty list or a role other than the two. */
    public void setRoles(String roles) {
        Set<String> named = Stream.of(roles.split(",")).map(r -> r.strip().toLowerCase(Locale.ROOT))
                .filter(r -> !r.isEmpty()).collect(Collectors.toSet());
        if (named.isEmpty() || !ROLES.containsAll(named)) {
            throw new IllegalArgumentException("planledger.roles must name command, query or both, not '"
                    + roles + "'");
        }
        this.roles = roles;
    }

    public Mongo getMongodb() {
        return mongodb;
    }

    public Security getSecurity() {
        return security;
    }

    public Embedded getEmbedded() {
        return embedded;
    }

    public Web getWeb() {
        return web;
    }

    public static class Web {
        /**
         * The largest request body accepted; a larger one is refused with 413 before it is read (a declared
         * {@code Content-Length}) or as soon as the limit is passed (a chunked body).
         */
        private org.springframework.util.unit.DataSize maxBodySize =
                org.springframework.util.unit.DataSize.ofKilobytes(256);

        public org.springframework.util.unit.DataSize getMaxBodySize() {
            return maxBodySize;
        }

        public void setMaxBodySize(org.springframework.util.unit.DataSize maxBodySize) {
            this.maxBodySize = maxBodySize;
        }
    }

    public static class Embedded {
        /**
         * Keep the embedded read store in memory only (nothing under {@code <data-dir>/readstore}): for benchmarks
         * and experiments; read models, tokens and lookups are lost at exit.
         */
        private boolean inMemoryReadStore;
        /**
         * How often the embedded read store writes what it acknowledged to disk, as one version between whole
         * write commands. A crash loses at most this much derived work (processors apply it again from the event
         * store); lookups and idempotency records are written at once when they must outlive a crash.
         */
        private Duration readStoreCommitInterval = Duration.ofMillis(200);

        public Duration getReadStoreCommitInterval() {
            return readStoreCommitInterval;
        }

        public void setReadStoreCommitInterval(Duration readStoreCommitInterval) {
            this.readStoreCommitInterval = readStoreCommitInterval;
        }

        public boolean isInMemoryReadStore() {
            return inMemoryReadStore;
        }

        public void setInMemoryReadStore(boolean inMemoryReadStore) {
            this.inMemoryReadStore = inMemoryReadStore;
        }
    }

    public static class Mongo {
        /** Connection string of the MongoDB replica set ({@code MONGODB_URI}). */
        private String uri = "mongodb://127.0.0.1:27017/?replicaSet=rs0";
        /** Database of read models, tokens, dead letters and command-side lookups. */
        private String database = "planledger";

        public String getUri() {
            return uri;
        }

        public void setUri(String uri) {
            this.uri = uri;
        }

        public String getDatabase() {
            return database;
        }

        public void setDatabase(String database) {
            this.database = database;
        }
    }

    public static class Security {
        /**
         * API keys, comma separated, each {@code name:key:ROLE[:partnerId]} (ROLE is ADMIN, PARTNER or AUDITOR;
         * partnerId {@code *} gives an AUDITOR every partner). Empty: a random ADMIN key is generated on first
         * start and kept in {@code <data-dir>/admin-api-key}.
         */
        private String apiKeys = "";

        public String getApiKeys() {
            return apiKeys;
        }

        public void setApiKeys(String apiKeys) {
            this.apiKeys = apiKeys;
        }
    }
}
