package com.planledger.command.lookup;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.Date;

import static com.mongodb.client.model.Filters.eq;

/**
 * Knows whether the previous run of this command instance stopped cleanly. While an instance runs, a marker
 * stands in the lookups' meta collection; a clean stop removes it as the last thing the command side does, so a
 * start that finds it follows a crash. Only where one command instance owns the lookups
 * ({@link LookupDurability#ownedByThisInstance()}, the embedded read store) is that a statement about the lookups: there
 * {@link LookupRebuilder} then rebuilds them from the events.
 */
@Component
public class CleanStop implements SmartLifecycle {

    static final String RUNNING = "command-instance-running";

    private final MongoCollection<Document> meta;
    private final LookupDurability durability;
    private volatile boolean running;
    private volatile boolean previousRunCrashed;

    public CleanStop(MongoDatabase database, ObjectProvider<LookupDurability> durability) {
        this.meta = database.getCollection(LookupCollections.META);
        this.durability = durability.getIfAvailable(() -> LookupDurability.ACKNOWLEDGED);
    }

    @Override
    public void start() {
        previousRunCrashed = meta.find(eq("_id", RUNNING)).first() != null;
        meta.replaceOne(eq("_id", RUNNING), new Document("_id", RUNNING).append("since", new Date()),
                new ReplaceOptions().upsert(true));
        durability.flush();
        running = true;
    }

    /**
     * Whether the previous run ended without a clean stop (a crash, a kill -9, a power cut) and the lookups
     * belong to this instance alone, so that they may hold writes of commands whose events never committed.
     */
    public boolean lookupsMayHoldUncommittedWrites() {
        return previousRunCrashed && durability.ownedByThisInstance();
    }

    @Override
    public void stop() {
        meta.deleteOne(eq("_id", RUNNING));
        durability.flush();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // first to start and last to stop: before Axon starts handling anything, after it stopped
        return Integer.MIN_VALUE + 100;
    }
}
