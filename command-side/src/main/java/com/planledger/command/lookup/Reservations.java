package com.planledger.command.lookup;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;

import java.util.Date;
import java.util.function.Supplier;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

/**
 * A unique key owned by one aggregate, reserved with an insert on a unique {@code _id}: of two concurrent
 * reservations exactly one succeeds. Reserved inside the unit of work that stores the owner's event; released
 * again if that unit of work rolls back, so a refused or failed command leaves no reservation behind.
 */
public final class Reservations {

    private final MongoCollection<Document> collection;
    private final LookupDurability durability;

    public Reservations(MongoCollection<Document> collection, LookupDurability durability) {
        this.collection = collection;
        this.durability = durability;
    }

    /**
     * Reserves {@code key} for {@code owner}. Succeeds when the key is free or already the owner's; otherwise
     * throws what {@code taken} supplies.
     */
    public void reserve(String key, String owner, Document attributes, Supplier<RuntimeException> taken) {
        Document doc = new Document("_id", key).append("owner", owner).append("reservedAt", new Date());
        doc.putAll(attributes);
        try {
            collection.insertOne(doc);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            if (owner.equals(ownerOf(key))) {
                return;
            }
            throw taken.get();
        }
        durability.flushBeforeCommit();
        CurrentUnitOfWork.ifStarted(uow -> uow.onRollback(u -> release(key, owner)));
    }

    /**
     * Once the current unit of work commits, releases every key of {@code owner} within {@code scope} except
     * {@code kept} (e.g. a customer's previous e-mail after a change). Right away when no unit of work runs.
     */
    public void releaseOthersAfterCommit(String scope, String owner, String kept) {
        Runnable release = () -> collection.deleteMany(and(eq("scope", scope), eq("owner", owner),
                com.mongodb.client.model.Filters.ne("_id", kept)));
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(u -> release.run());
        } else {
            release.run();
        }
    }

    /** Releases {@code key} if {@code owner} holds it. */
    public void release(String key, String owner) {
        collection.deleteOne(and(eq("_id", key), eq("owner", owner)));
    }

    /** The owner of {@code key}, or {@code null}. */
    public String ownerOf(String key) {
        Document doc = collection.find(eq("_id", key)).first();
        return doc == null ? null : doc.getString("owner");
    }
}
