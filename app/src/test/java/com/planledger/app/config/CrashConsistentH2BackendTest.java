package com.planledger.app.config;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded read store after a kill -9: a process of its own runs eight writers against the store, each
 * writing a document, updating it, then moving its "token" past it (as a projection and its processor do), and
 * is killed with SIGKILL while they write. Reopened, no token may stand past a document it describes. (The stock
 * H2 backend, committing in the background in the middle of commands, left every writer's token ahead of its
 * documents in each of three such runs.)
 */
class CrashConsistentH2BackendTest {

    private static final int WRITERS = 8;

    @TempDir
    Path dir;

    @Test
    void after_a_kill_no_token_is_ahead_of_the_documents_it_describes() throws Exception {
        Path file = dir.resolve("store.mv");
        Process writer = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Writers.class.getName(), file.toString()))
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            long seen = 0;
            while ((line = out.readLine()) != null && seen < 400) {
                if (line.startsWith("written ")) {
                    seen = Long.parseLong(line.substring("written ".length()));
                }
            }
            assertThat(seen).as("the writers got going").isGreaterThanOrEqualTo(400);
        } finally {
            writer.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }

        H2Backend backend = new H2Backend(file.toString());
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoDatabase db = client.getDatabase("t");
            List<String> ahead = new ArrayList<>();
            long tokens = 0;
            for (Document token : db.getCollection("tokens").find()) {
                tokens++;
                int w = token.getInteger("_id");
                long n = token.getLong("n");
                long behind = db.getCollection("docs").countDocuments(Filters.and(Filters.eq("w", w),
                        Filters.lte("i", n), Filters.eq("v", 1L)));
                if (behind != n + 1) {
                    ahead.add("writer " + w + ": token " + n + ", " + behind + " finished documents up to it");
                }
            }
            assertThat(tokens).as("tokens survived").isEqualTo(WRITERS);
            assertThat(ahead).isEmpty();
        } finally {
            server.shutdownNow();
            backend.close();
        }
    }

    /** The process that is killed: eight writers on the store in {@code args[0]}, reporting their progress. */
    public static final class Writers {

        public static void main(String[] args) throws InterruptedException {
            CrashConsistentH2Backend backend = CrashConsistentH2Backend.open(args[0], Duration.ofMillis(100));
            MongoServer server = new MongoServer(backend);
            server.bind("127.0.0.1", 0);
            MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
            MongoDatabase db = client.getDatabase("t");
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            AtomicLong written = new AtomicLong();
            for (int w = 0; w < WRITERS; w++) {
                int worker = w;
                pool.submit(() -> {
                    for (long i = 0; ; i++) {
                        String id = worker + ":" + i;
                        db.getCollection("docs").replaceOne(Filters.eq("_id", id), new Document("_id", id)
                                .append("w", worker).append("i", i).append("v", 0L), new ReplaceOptions().upsert(true));
                        db.getCollection("docs").updateOne(Filters.eq("_id", id), Updates.inc("v", 1L));
                        db.getCollection("tokens").replaceOne(Filters.eq("_id", worker),
                                new Document("_id", worker).append("n", i), new ReplaceOptions().upsert(true));
                        long total = written.incrementAndGet();
                        if (total % 50 == 0) {
                            System.out.println("written " + total);
                        }
                    }
                });
            }
            pool.awaitTermination(1, TimeUnit.HOURS); // until killed
        }
    }
}
