package com.planledger.command.customer;

import com.planledger.command.plan.Plan;
import com.planledger.domain.Ids;
import com.planledger.domain.plan.PlanOffer;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a plan's current state from its own events: the plan's latest snapshot plus the events after it, folded
 * by the {@code Plan} aggregate's own event sourcing handlers (the root made by Axon's snapshot-aware aggregate
 * factory, as its repository makes it), without taking the plan's lock (assignments to a
 * popular plan do not wait for each other). The folded offer is reused while the plan's last sequence number is
 * unchanged, so most assignments cost one indexed look-up in the event store.
 * <p>
 * Like any check across aggregates, it sees the plan as last stored: a plan archived in the same instant as an
 * assignment may still be assigned once; the assignment is recorded against the revision it saw.
 */
@Component
public class EventSourcedPlanCatalog implements PlanCatalog {

    private static final int MAX_CACHED = 10_000;

    private final EventStore eventStore;
    private final ParameterResolverFactory parameterResolvers;
    private final Map<String, Cached> offers = new ConcurrentHashMap<>();
    private volatile AggregateModel<Plan> model;
    private volatile AggregateFactory<Plan> factory;

    private record Cached(long sequence, PlanOffer offer) {
    }

    public EventSourcedPlanCatalog(EventStore eventStore, ParameterResolverFactory parameterResolvers) {
        this.eventStore = eventStore;
        this.parameterResolvers = parameterResolvers;
    }

    /** The Plan aggregate's model, inspected with the application's parameter resolvers (its handlers take beans). */
    private AggregateModel<Plan> model() {
        if (model == null) {
            model = AnnotatedAggregateMetaModelFactory.inspectAggregate(Plan.class, parameterResolvers);
        }
        return model;
    }

    private AggregateFactory<Plan> factory() {
        if (factory == null) {
            factory = new GenericAggregateFactory<>(model());
        }
        return factory;
    }

    @Override
    public Optional<PlanOffer> offer(String partnerId, String planId) {
        if (!Ids.isValid(planId)) {
            return Optional.empty();
        }
        String id = Ids.planAggregate(partnerId, planId);
        Optional<Long> last = eventStore.lastSequenceNumberFor(id);
        if (last.isEmpty()) {
            return Optional.empty();
        }
        Cached cached = offers.get(id);
        if (cached != null && cached.sequence() == last.get()) {
            return Optional.of(cached.offer());
        }
        DomainEventStream events = eventStore.readEvents(id);
        if (!events.hasNext()) {
            return Optional.empty();
        }
        // as Axon's repository does: the root is the snapshot when the stream starts with one, else a new Plan
        Plan root = factory().createAggregateRoot(id, events.peek());
        EventSourcedAggregate<Plan> plan = EventSourcedAggregate.initialize(root, model(), null,
                NoSnapshotTriggerDefinition.TRIGGER);
        plan.initializeState(events);
        PlanOffer offer = plan.getAggregateRoot().offer();
        if (offers.size() >= MAX_CACHED) {
            offers.clear();
        }
        offers.put(id, new Cached(plan.version(), offer));
        return Optional.of(offer);
    }
}
