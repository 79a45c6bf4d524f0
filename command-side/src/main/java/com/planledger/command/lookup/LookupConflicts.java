package com.planledger.command.lookup;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.planledger.domain.DomainException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;

/**
 * Stored events that break a set rule, found when the lookups are rebuilt from the event store: history the
 * service cannot change (for instance a duplicate plan name written while two command instances each kept their
 * own lookups). Each is recorded once (collection {@code cmd_lookup_conflicts}, metric
 * {@code planledger.lookups.conflicts}, {@code GET /v1/admin/lookups/conflicts}); the lookup keeps its first owner,
 * so the rule holds from then on, and the instance starts.
 */
@Component
public class LookupConflicts {

    private final MongoCollection<Document> conflicts;
    private final Counter found;

    public LookupConflicts(MongoDatabase database, MeterRegistry meters) {
        this.conflicts = database.getCollection(LookupCollections.CONFLICTS);
        this.found = Counter.builder("planledger.lookups.conflicts")
                .description("stored events found breaking a set rule when the lookups were rebuilt")
                .register(meters);
    }

    /** Records that {@code event} breaks the rule {@code refusal} names; answers a line for the log. */
    public String record(EventMessage<?> event, DomainException refusal) {
        String aggregate = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
        Long sequence = event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : null;
        String type = event.getPayloadType().getSimpleName();
        conflicts.replaceOne(eq("_id", event.getIdentifier()), new Document("_id", event.getIdentifier())
                        .append("eventType", type).append("aggregateId", aggregate).append("sequence", sequence)
                        .append("code", refusal.code().name()).append("message", refusal.getMessage())
                        .append("eventAt", Date.from(event.getTimestamp())).append("foundAt", new Date()),
                new ReplaceOptions().upsert(true));
        found.increment();
        return type + " of " + aggregate + " (sequence " + sequence + ") breaks a set rule: " + refusal.code()
                + ", " + refusal.getMessage() + "; the lookup keeps its first owner";
    }

    /** One stored event that breaks a set rule. */
    public record Conflict(String eventId, String eventType, String aggregateId, Long sequence, String code,
                           String message, Instant eventAt, Instant foundAt) {
    }

    /** Every recorded conflict, in the order of the events. */
    public List<Conflict> list() {
        List<Conflict> all = new ArrayList<>();
        for (Document conflict : conflicts.find().sort(Sorts.ascending("eventAt"))) {
            Number sequence = conflict.get("sequence", Number.class);
            all.add(new Conflict(conflict.getString("_id"), conflict.getString("eventType"),
                    conflict.getString("aggregateId"), sequence == null ? null : sequence.longValue(),
                    conflict.getString("code"), conflict.getString("message"),
                    conflict.getDate("eventAt").toInstant(), conflict.getDate("foundAt").toInstant()));
        }
        return all;
    }
}
