package com.planledger.command.policy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

/**
 * A lease in MongoDB that at most one instance holds at a time: the holder renews it on every use; another instance
 * takes it over once it has expired (its holder stopped). Uses the wall clock, never the domain clock.
 */
final class Lease {

    private static final Logger log = LoggerFactory.getLogger(Lease.class);

    private final MongoCollection<Document> leases;
    private final String name;
    private final String owner;
    private final Duration duration;
    private final Clock wallClock;

    Lease(MongoCollection<Document> leases, String name, String owner, Duration duration, Clock wallClock) {
        this.leases = leases;
        this.name = name;
        this.owner = owner;
        this.duration = duration;
        this.wallClock = wallClock;
    }

    /**
     * Takes or renews the lease; false when another instance holds it. An update that matches only the holder's
     * own or an expired lease, else an insert of a free one: a live lease of another instance makes the insert a
     * duplicate, answered as a write error (an upsert colliding with it instead would make the embedded
     * MongoDB-wire server log a stack trace at every poll until the lease expires). Taking over an expired lease
     * is logged once.
     */
    boolean acquire() {
        Date now = Date.from(wallClock.instant());
        Date until = Date.from(wallClock.instant().plus(duration));
        // the BEFORE answer is a copy on the embedded server (its AFTER answer can show a later update)
        Document before = leases.findOneAndUpdate(
                and(eq("_id", name), or(eq("owner", owner), lt("until", now))),
                Updates.combine(Updates.set("owner", owner), Updates.set("until", until)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
        if (before != null) {
            String previous = before.getString("owner");
            if (!owner.equals(previous)) {
                log.info("Took over the lease '{}' from {}, whose lease had expired at {}", name, previous,
                        before.getDate("until").toInstant());
            }
            return true;
        }
        try {
            leases.insertOne(new Document("_id", name).append("owner", owner).append("until", until));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false; // held by another instance and not expired
            }
            throw e;
        }
    }

    /** Gives the lease up (on shutdown), so another instance need not wait for it to expire. */
    void release() {
        leases.deleteOne(and(eq("_id", name), eq("owner", owner)));
    }
}
