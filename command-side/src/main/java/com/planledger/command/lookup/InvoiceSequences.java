package com.planledger.command.lookup;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.planledger.command.customer.InvoiceNumbers;
import com.planledger.domain.customer.InvoiceIssuedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.List;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

/**
 * Each partner's invoice sequence ({@link InvoiceNumbers}): one document per partner with the last number claimed
 * and the numbers given back. A claim takes a given-back number first, else increments the last one, with one
 * atomic update in MongoDB, so concurrent issues on one or several command instances never share a number. A unit
 * of work that rolls back gives its number back: the last number is decremented when it is still the last, or the
 * number joins the given-back list, so no number is skipped. Rebuilt from the events like every other lookup: the
 * issued event raises the last number to its sequence.
 */
@Component
@ProcessingGroup(PlanLookupHandlers.GROUP)
public class InvoiceSequences implements InvoiceNumbers {

    private final MongoCollection<Document> sequences;
    private final LookupDurability durability;

    public InvoiceSequences(MongoDatabase database, LookupDurability durability) {
        this.sequences = database.getCollection(LookupCollections.INVOICE_SEQUENCES);
        this.durability = durability;
    }

    @Override
    public long next(String partnerId) {
        long number = claim(partnerId);
        durability.flushBeforeCommit();
        CurrentUnitOfWork.ifStarted(uow -> uow.onRollback(u -> giveBack(partnerId, number)));
        return number;
    }

    private long claim(String partnerId) {
        Document returned = sequences.findOneAndUpdate(and(eq("_id", partnerId), Filters.exists("returned.0")),
                Updates.popFirst("returned"), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
        if (returned != null) {
            List<?> numbers = returned.getList("returned", Object.class);
            return ((Number) numbers.get(0)).longValue();
        }
        return Upserts.racing(() -> increment(partnerId));
    }

    private long increment(String partnerId) {
        // the document as it was before the update, plus one: the embedded MongoDB-wire server answers the AFTER
        // document from the stored instance, which a concurrent update can change before the answer is encoded
        // (two claims then read the same number); the BEFORE document is a copy taken inside the update
        Document before = sequences.findOneAndUpdate(eq("_id", partnerId), Updates.inc("last", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        Object last = before == null ? null : before.get("last");
        return (last == null ? 0L : ((Number) last).longValue()) + 1;
    }

    private void giveBack(String partnerId, long number) {
        long undone = sequences.updateOne(and(eq("_id", partnerId), eq("last", number)), Updates.inc("last", -1L))
                .getModifiedCount();
        if (undone == 0) {
            sequences.updateOne(eq("_id", partnerId), Updates.addToSet("returned", number));
        }
    }

    @EventHandler
    void on(InvoiceIssuedEvent event) {
        // already so when claimed by the command; needed when the lookups are rebuilt from the events
        sequences.updateOne(eq("_id", event.partnerId()), Updates.combine(Updates.max("last", event.sequence()),
                Updates.pull("returned", event.sequence())), new UpdateOptions().upsert(true));
    }
}
