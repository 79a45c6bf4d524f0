package com.planledger.app;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import com.planledger.query.store.ReadModelStore;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an embedded read store file holds, collection by collection, read after the service stopped: every
 * document in {@code _id} order as JSON, the applied-event guard as a set (events of different aggregates
 * committed out of position order reach a live processor in commit order and a replay in position order).
 *
 * <p>Left out, because they describe the store's own work and not the events: Axon's tokens (positions, owners,
 * claim times), HTTP idempotency records (requests, not events), leases (which instance works on what, until
 * when) and the lookups' built-at marker. The command-side reservations are compared without their
 * {@code reservedAt} (a rebuild reserves at its own time), and the invoice sequences apart from the rest
 * ({@link #invoiceSequences()}): a number claimed by a command the crash cut off is never issued and never
 * reused, so the surviving sequence may stand above the rebuilt one.
 */
record ReadStoreContents(Map<String, List<String>> collections) {

    static final Set<String> NOT_DERIVED = Set.of("trackingtokens", "http_idempotency", "cmd_leases",
            "cmd_lookups_meta");
    static final String INVOICE_SEQUENCES = "cmd_invoice_sequences";

    /** Reads {@code <dataDir>/readstore/readmodels.mv}; the service must not be running on it. */
    static ReadStoreContents of(Path dataDir) {
        Path file = dataDir.resolve("readstore").resolve("readmodels.mv");
        if (!Files.exists(file)) {
            throw new AssertionError("no read store at " + file);
        }
        H2Backend backend = new H2Backend(file.toString());
        MongoServer server = new MongoServer(backend);
        try {
            server.bind("127.0.0.1", 0);
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
                MongoDatabase database = client.getDatabase("planledger");
                Map<String, List<String>> collections = new TreeMap<>();
                for (String name : database.listCollectionNames()) {
                    if (NOT_DERIVED.contains(name)) {
                        continue;
                    }
                    List<String> documents = new ArrayList<>();
                    for (Document doc : database.getCollection(name).find().sort(Sorts.ascending("_id"))) {
                        if (name.startsWith("cmd_")) {
                            doc.remove("reservedAt");
                        }
                        documents.add(normalised(doc).toJson());
                    }
                    if (!documents.isEmpty()) {
                        collections.put(name, documents);
                    }
                }
                return new ReadStoreContents(collections);
            }
        } finally {
            server.shutdownNow();
            backend.close();
        }
    }

    /** The last invoice number claimed per partner. */
    Map<String, Long> invoiceSequences() {
        Map<String, Long> last = new TreeMap<>();
        for (String json : collections.getOrDefault(INVOICE_SEQUENCES, List.of())) {
            Document doc = Document.parse(json);
            last.put(doc.getString("_id"), doc.get("last", Number.class).longValue());
        }
        return last;
    }

    long documents() {
        return collections.values().stream().mapToLong(List::size).sum();
    }

    /** The differences from {@code other}, one line per collection, with the first document that differs. */
    List<String> differencesFrom(ReadStoreContents other) {
        List<String> differences = new ArrayList<>();
        Set<String> names = new TreeSet<>(collections.keySet());
        names.addAll(other.collections.keySet());
        names.remove(INVOICE_SEQUENCES);
        for (String name : names) {
            List<String> mine = collections.getOrDefault(name, List.of());
            List<String> theirs = other.collections.getOrDefault(name, List.of());
            if (mine.equals(theirs)) {
                continue;
            }
            int i = 0;
            while (i < mine.size() && i < theirs.size() && Objects.equals(mine.get(i), theirs.get(i))) {
                i++;
            }
            differences.add(name + ": " + mine.size() + " vs " + theirs.size() + " documents; first difference:\n  "
                    + (i < mine.size() ? mine.get(i) : "(none)") + "\n  "
                    + (i < theirs.size() ? theirs.get(i) : "(none)"));
        }
        return differences;
    }

    /** The document with its applied-event guard as a set (see the class comment). */
    static Document normalised(Document doc) {
        List<?> applied = doc.getList(ReadModelStore.APPLIED, Object.class);
        if (applied != null) {
            doc.put(ReadModelStore.APPLIED, applied.stream().map(String::valueOf).sorted().toList());
        }
        return doc;
    }
}
