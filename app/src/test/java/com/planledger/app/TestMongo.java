package com.planledger.app;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Date;

/**
 * A MongoDB-wire server on 127.0.0.1 standing in for the production MongoDB of a test, with the command-side
 * lookups counted as built, so that a start does not wait to read an (unreachable) Axon Server event store.
 */
final class TestMongo implements AutoCloseable {

    private final MongoServer server;
    private final String uri;

    private TestMongo() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
        try (MongoClient client = MongoClients.create(uri)) {
            client.getDatabase("planledger").getCollection("cmd_lookups_meta")
                    .insertOne(new Document("_id", "lookups-built").append("at", new Date()));
        }
    }

    static TestMongo withLookupsBuilt() {
        return new TestMongo();
    }

    String uri() {
        return uri;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }

    /** A loopback port nothing listens on (for an Axon Server that is not there). */
    static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
