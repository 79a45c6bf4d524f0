package com.planledger.app.config;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The embedded read store's backend: mongo-java-server's H2 backend with the two properties a crash needs.
 *
 * <p><b>Every version on disk lies between whole commands.</b> The stock backend lets the MVStore commit in a
 * background thread every second, in the middle of anything: the roots of the maps are captured one after the
 * other, so a version could hold a processor's token but not the read-model write that came before it, or half
 * of an update (the server changes documents in place). After a kill -9 the read models then disagreed with their
 * tokens for good. Here the MVStore never commits on its own (no background commit, no commit from a writing
 * thread); it commits every {@code interval} and on {@link #commit()}, with every write command shut out. A
 * write command runs alone, so the version written holds each command wholly or not at all, and because a
 * processor writes its token after the read-model writes of its batch, a token on disk never runs ahead of them.
 *
 * <p><b>Reads never see half an update.</b> Query results are the stored documents themselves and are encoded
 * after the command returns, when a later update could be changing them; reads run beside each other but never
 * beside a write, and copy their answer before they let go.
 */
public final class CrashConsistentH2Backend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(CrashConsistentH2Backend.class);

    /** Commands that change nothing stored; anything else is treated as a write. */
    private static final Set<String> READS = Set.of("find", "getmore", "count", "distinct", "listcollections",
            "listindexes", "listdatabases", "ping", "ismaster", "hello", "buildinfo", "whatsmyuri", "killcursors",
            "endsessions", "serverstatus", "dbstats", "collstats", "getparameter", "connectionstatus",
            "getlasterror", "getlog", "hostinfo", "getcmdlineopts");

    private final MVStore store;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ScheduledExecutorService committer;

    private CrashConsistentH2Backend(MVStore store, Duration interval) {
        super(store);
        this.store = store;
        this.committer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "readstore-commit");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(1, interval.toMillis());
        committer.scheduleWithFixedDelay(this::commitQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Opens (or creates) the store in {@code file}, committing every {@code interval}. */
    public static CrashConsistentH2Backend open(String file, Duration interval) {
        MVStore store = new MVStore.Builder()
                .fileName(file)
                // no background commit thread, and no commit from a writing thread when its buffer fills
                .autoCommitDisabled()
                .autoCommitBufferSize(0)
                .open();
        return new CrashConsistentH2Backend(store, interval);
    }

    /** Writes everything acknowledged so far as one version between whole write commands. */
    @Override
    public void commit() {
        Lock write = lock.writeLock();
        write.lock();
        try {
            if (!store.isClosed() && store.hasUnsavedChanges()) {
                store.commit();
            }
        } finally {
            write.unlock();
        }
    }

    private void commitQuietly() {
        try {
            commit();
        } catch (RuntimeException e) {
            log.error("Committing the embedded read store failed; the next commit retries", e);
        }
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        Document query = message.getDocument();
        String command = query.isEmpty() ? "" : query.keySet().iterator().next();
        return guarded(command, query, () -> super.handleMessage(message));
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return guarded(command, query, () -> super.handleCommand(channel, database, command, query));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        Lock read = lock.readLock();
        read.lock();
        try {
            QueryResult result = super.handleQuery(query);
            List<Document> copies = result.collectDocuments().stream().map(Document::cloneDeeply).toList();
            return new QueryResult(copies, result.getCursorId());
        } finally {
            read.unlock();
        }
    }

    @Override
    public void dropDatabase(String database) {
        Lock write = lock.writeLock();
        write.lock();
        try {
            super.dropDatabase(database);
        } finally {
            write.unlock();
        }
    }

    @Override
    public void close() {
        committer.shutdownNow();
        Lock write = lock.writeLock();
        write.lock();
        try {
            super.close();
        } finally {
            write.unlock();
        }
    }

    private Document guarded(String command, Document query, Supplier<Document> handler) {
        if (lock.isWriteLockedByCurrentThread() || lock.getReadHoldCount() > 0) {
            return handler.get(); // a command inside a message: the outer call holds the lock and copies
        }
        boolean reads = isRead(command, query);
        Lock held = reads ? lock.readLock() : lock.writeLock();
        held.lock();
        try {
            Document answer = handler.get();
            return reads ? answer.cloneDeeply() : answer;
        } finally {
            held.unlock();
        }
    }

    private static boolean isRead(String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (READS.contains(name)) {
            return true;
        }
        if (name.equals("aggregate")) {
            String pipeline = String.valueOf(query.get("pipeline"));
            return !pipeline.contains("$out") && !pipeline.contains("$merge");
        }
        return false;
    }
}
