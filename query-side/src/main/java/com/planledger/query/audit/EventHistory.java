package com.planledger.query.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Reads one aggregate's events from the event store, from the first (never from a snapshot): the source of truth
 * for history and for state as of an instant, independent of any read model.
 */
@Component
public class EventHistory {

    private final EventStore eventStore;

    public EventHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Every event of the aggregate, in order, up to and including {@code until} (null: all). */
    public void forEach(String aggregateId, Instant until, Consumer<DomainEventMessage<?>> consumer) {
        DomainEventStream stream = eventStore.readEvents(aggregateId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (until != null && event.getTimestamp().isAfter(until)) {
                return;
            }
            consumer.accept(event);
        }
    }
}
