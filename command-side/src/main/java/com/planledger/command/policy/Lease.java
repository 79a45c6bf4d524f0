package com.planledger.command.policy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

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

    /** Takes or renews the lease; false when another instance holds it. */
    boolean acquire() {
        Date now = Date.from(wallClock.instant());
        Date until = Date.from(wallClock.instant().plus(duration));
        try {
            // matched (ours, or expired) or inserted: held. The BEFORE answer is used only because it is a copy
            // on the embedded server (its AFTER answer can show a later update); a live lease of another
            // instance makes the upsert collide with it instead
            leases.findOneAndUpdate(
                    and(eq("_id", name), or(eq("owner", owner), lt("until", now))),
                    Updates.combine(Updates.set("owner", owner), Updates.set("until", until)),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false; // held by another instance and not expired: the upsert collided with it
            }
            throw e;
        } catch (com.mongodb.MongoCommandException e) {
            if (e.getErrorCode() == 11000) {
                return false;
            }
            throw e;
        }
    }

    /** Gives the lease up (on shutdown), so another instance need not wait for it to expire. */
    void release() {
        leases.deleteOne(and(eq("_id", name), eq("owner", owner)));
    }
}
