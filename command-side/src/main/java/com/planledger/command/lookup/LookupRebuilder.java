package com.planledger.command.lookup;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.planledger.domain.DomainException;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static com.mongodb.client.model.Filters.eq;

/**
 * Rebuilds the command-side lookups from the event store when they are missing: a new or wiped read store (for
 * example after restoring only the event store) has no marker, and then every stored event is handed, in order,
 * to the lookup handlers before the service accepts requests. The handlers are idempotent, so running over
 * lookups that already hold some entries changes nothing wrong. The marker records when the lookups were built.
 * Stored events that break a set rule do not stop the start: they are recorded ({@link LookupConflicts}).
 */
@Component
public class LookupRebuilder implements SmartLifecycle {

    static final String MARKER = "lookups-built";
    private static final Logger log = LoggerFactory.getLogger(LookupRebuilder.class);

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final MongoCollection<Document> meta;
    private final LookupConflicts conflicts;
    private final MongoDatabase database;
    private final CleanStop cleanStop;
    private volatile boolean running;

    public LookupRebuilder(EventStore eventStore, EventProcessingConfiguration processing, MongoDatabase database,
                           LookupConflicts conflicts, CleanStop cleanStop) {
        this.eventStore = eventStore;
        this.processing = processing;
        this.database = database;
        this.meta = database.getCollection(LookupCollections.META);
        this.conflicts = conflicts;
        this.cleanStop = cleanStop;
    }

    /**
     * The lookups a rebuild restores wholly from the events. A crash between a lookup's write (made durable
     * before its events commit) and the commit of those events leaves an entry no event backs: a reservation of
     * a name nobody holds, a plan a customer never moved to.
     */
    static final List<String> REBUILT = List.of(LookupCollections.PLAN_NAMES, LookupCollections.CUSTOMER_EMAILS,
            LookupCollections.RECOMMENDED_SLOTS, LookupCollections.INVOICE_SEQUENCES, LookupCollections.SUBSCRIPTIONS,
            LookupCollections.DUE);

    @Override
    public void start() {
        running = true;
        if (cleanStop.lookupsMayHoldUncommittedWrites()) {
            log.warn("The previous run of this instance ended without a clean stop: the command-side lookups are "
                    + "rebuilt from the event store, so that none keeps a write whose events were never committed");
            REBUILT.forEach(name -> database.getCollection(name).deleteMany(new Document()));
            meta.deleteOne(eq("_id", MARKER));
        }
        if (meta.find(eq("_id", MARKER)).first() == null) {
            long events = rebuild();
            meta.replaceOne(eq("_id", MARKER), new Document("_id", MARKER).append("at", new Date())
                    .append("events", events), new ReplaceOptions().upsert(true));
        }
    }

    /** Hands every stored event, in order, to the lookup handlers; answers how many events were read. */
    public long rebuild() {
        TrackingToken head = eventStore.createHeadToken();
        if (head == null || head.position().isEmpty()) {
            return 0;
        }
        long last = head.position().getAsLong();
        log.info("Building the command-side lookups from the event store (up to position {})", last);
        EventHandlerInvoker lookups = processing.eventProcessor(PlanLookupHandlers.GROUP, AbstractEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no " + PlanLookupHandlers.GROUP + " processor"))
                .eventHandlerInvoker();
        long read = 0;
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable(30, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                if (lookups.canHandle(event, Segment.ROOT_SEGMENT)) {
                    handle(lookups, event);
                }
                read++;
                if (event.trackingToken().position().orElse(last) >= last) {
                    break;
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not build the command-side lookups from the event store", e);
        }
        log.info("Command-side lookups built from {} events", read);
        return read;
    }

    /**
     * One stored event into the lookups. An event that breaks a set rule is history: it is recorded as a conflict
     * ({@link LookupConflicts}) and the rebuild goes on, the lookup keeping its first owner.
     */
    private void handle(EventHandlerInvoker lookups, TrackedEventMessage<?> event) throws Exception {
        try {
            lookups.handle(event, Segment.ROOT_SEGMENT);
        } catch (Exception e) {
            DomainException refusal = DomainException.findIn(e).orElseThrow(() -> e);
            log.warn("Lookup conflict in the event store: {}", conflicts.record(event, refusal));
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // after Axon has started, before the web server accepts requests and before the schedulers run
        return Integer.MAX_VALUE - 200;
    }
}
