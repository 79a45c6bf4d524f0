package com.planledger.app.config;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The embedded MongoDB-wire server answers the service's own driver only. mongo-java-server has no
 * authentication, and its port on 127.0.0.1 is open to every local process; so each start draws a random
 * secret, the service's driver sends it as its application name in the handshake every MongoDB driver opens a
 * connection with, and a connection whose handshake does not carry it is refused (code 13, Unauthorized) and
 * closed before any command reaches the store. The secret lives only in this process's memory.
 */
final class AdmittingMongoBackend implements MongoBackend {

    private static final Logger log = LoggerFactory.getLogger(AdmittingMongoBackend.class);
    private static final AttributeKey<Boolean> ADMITTED = AttributeKey.valueOf("planledger.admitted");
    private static final Set<String> HANDSHAKES = Set.of("hello", "ismaster");

    private final MongoBackend store;
    private final byte[] secret;
    private final String applicationName;

    AdmittingMongoBackend(MongoBackend store) {
        this.store = store;
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.applicationName = "planledger-" + HexFormat.of().formatHex(random);
        this.secret = applicationName.getBytes(StandardCharsets.UTF_8);
    }

    /** The application name the service's driver must send (its credential). */
    String applicationName() {
        return applicationName;
    }

    private void admit(Channel channel, String command, Document query) {
        if (Boolean.TRUE.equals(channel.attr(ADMITTED).get())) {
            return;
        }
        if (HANDSHAKES.contains(command.toLowerCase()) && carriesSecret(query)) {
            channel.attr(ADMITTED).set(true);
            return;
        }
        log.warn("Embedded read store: refused a connection from {} that did not identify as the service",
                channel.remoteAddress());
        channel.close();
        throw new MongoServerError(13, "Unauthorized", "this server answers the PlanLedger service only");
    }

    private boolean carriesSecret(Document query) {
        Object client = query.get("client");
        if (!(client instanceof Document metadata)) {
            return false;
        }
        Object application = metadata.get("application");
        Object name = application instanceof Document app ? app.get("name") : null;
        return name instanceof String given
                && MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8));
    }

    private static String commandOf(Document query) {
        return query.isEmpty() ? "" : query.keySet().iterator().next();
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        admit(channel, command, query);
        return store.handleCommand(channel, database, command, query);
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        admit(message.getChannel(), commandOf(message.getDocument()), message.getDocument());
        return store.handleMessage(message);
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        admit(query.getChannel(), "", query.getQuery());
        return store.handleQuery(query);
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        if (!Boolean.TRUE.equals(query.getChannel().attr(ADMITTED).get())) {
            return List.of();
        }
        return store.getCurrentOperations(query);
    }

    @Override
    public void handleClose(Channel channel) {
        store.handleClose(channel);
    }

    @Override
    public void dropDatabase(String database) {
        store.dropDatabase(database);
    }

    @Override
    public Document getServerStatus() {
        return store.getServerStatus();
    }

    @Override
    public void close() {
        store.close();
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        store.closeCursors(cursorIds);
    }

    @Override
    public Clock getClock() {
        return store.getClock();
    }

    @Override
    public void enableOplog() {
        store.enableOplog();
    }

    @Override
    public void disableOplog() {
        store.disableOplog();
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return store.resolveDatabase(database);
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        store.version(version);
        return this;
    }
}
