package com.planledger.query.dashboard;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.planledger.domain.Ids;
import com.planledger.domain.audit.AuditMetadata;
import com.planledger.domain.customer.CustomerEvent;
import com.planledger.domain.plan.PlanEvent;
import com.planledger.domain.plan.PlanRecommendedEvent;
import com.planledger.domain.query.DashboardQuery;
import com.planledger.query.admin.ReadModel;
import com.planledger.query.catalog.PlanState;
import com.planledger.query.catalog.PlanStateFold;
import com.planledger.query.customers.CustomerRecord;
import com.planledger.query.customers.CustomerRecordFold;
import com.planledger.query.store.ReadModelStore;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;

import static com.mongodb.client.model.Updates.combine;

/**
 * The partner dashboard read model. One summary document per partner ({@code dashboards}, looked up by key) holds
 * every count, the recommended plan, subscribers per plan, MRR per currency and the latest 20 events as sentences;
 * it changes by increments computed from each aggregate's state before and after the event, which the dashboard
 * keeps per plan and per customer. The summary remembers the events it applied and is updated before the
 * aggregate's state, so nothing is counted twice or lost, on a replay, a redelivery, or when events of different
 * customers arrive out of their global order. Every change is pushed to the dashboard's subscribers (the live
 * stream).
 */
@Component
@ProcessingGroup(DashboardProjection.GROUP)
public class DashboardProjection implements ReadModel {

    public static final String GROUP = "dashboard";
    public static final String DASHBOARDS = "dashboards";
    static final String PLANS = "dashboard_plans";
    static final String CUSTOMERS = "dashboard_customers";
    static final int RECENT = 20;

    private final ReadModelStore store;
    private final QueryUpdateEmitter updates;
    private final DashboardQueries queries;

    public DashboardProjection(ReadModelStore store, QueryUpdateEmitter updates, DashboardQueries queries) {
        this.store = store;
        this.updates = updates;
        this.queries = queries;
        createIndexes();
    }

    @EventHandler
    void on(PlanEvent event, @SequenceNumber long sequence, @Timestamp Instant at, @MessageIdentifier String eventId,
            TrackingToken token, @MetaDataValue(AuditMetadata.ACTOR) String actor) {
        store.fold(PLANS, event.key(), sequence, PlanState.class,
                state -> PlanStateFold.apply(state, event, sequence, at), null,
                (before, after) -> {
                    Delta delta = new Delta();
                    planDelta(delta, event, before, after);
                    delta.activity(at, sequence, event, ActivitySentences.plan(event, after, actor), actor,
                            after.planId());
                    apply(event.partnerId(), eventId, at, delta);
                });
        emit(event.partnerId(), token);
    }

    @EventHandler
    void on(CustomerEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MessageIdentifier String eventId, TrackingToken token,
            @MetaDataValue(AuditMetadata.ACTOR) String actor) {
        store.fold(CUSTOMERS, event.key(), sequence, CustomerRecord.class,
                record -> CustomerRecordFold.apply(record, event, sequence, at, actor), null,
                (before, after) -> {
                    Delta delta = new Delta();
                    customerDelta(delta, Contribution.of(before), Contribution.of(after));
                    String sentence = ActivitySentences.customer(event, after, actor);
                    if (sentence != null) {
                        delta.activity(at, sequence, event, sentence, actor, after.customerId());
                    }
                    apply(event.partnerId(), eventId, at, delta);
                });
        emit(event.partnerId(), token);
    }

    private static void planDelta(Delta delta, PlanEvent event, PlanState before, PlanState after) {
        String key = Ids.asPathSegment(after.planId());
        String was = before == null ? null : bucket(before);
        String is = bucket(after);
        if (!Objects.equals(was, is)) {
            if (was != null) {
                delta.inc("plans." + was, -1);
            }
            delta.inc("plans." + is, 1);
        }
        delta.set("planNames." + key, after.terms().displayName());
        boolean wasRecommended = before != null && before.recommended();
        if (event instanceof PlanRecommendedEvent recommended) {
            // the slot's generation orders recommendations of several plans (see the recommended plan's query)
            delta.set("recommended." + key, new Document("displayName", after.terms().displayName())
                    .append("since", Date.from(after.updatedAt())).append("generation", recommended.slotGeneration()));
        } else if (!after.recommended() && wasRecommended) {
            delta.unset("recommended." + key);
        } else if (after.recommended()) {
            delta.set("recommended." + key + ".displayName", after.terms().displayName());
        }
    }

    private static String bucket(PlanState plan) {
        return plan.archived() ? "ARCHIVED" : plan.status().name();
    }

    private static void customerDelta(Delta delta, Contribution was, Contribution is) {
        if (was.state() == null && is.state() != null) {
            delta.inc("customers.total", 1);
        }
        if (was.state() != is.state()) {
            if (was.state() != null) {
                delta.inc("customers." + was.state(), -1);
            }
            delta.inc("customers." + is.state(), 1);
        }
        delta.inc("users", is.users() - was.users());
        if (!Objects.equals(was.planId(), is.planId())) {
            if (was.planId() != null) {
                delta.inc("subscribers." + Ids.asPathSegment(was.planId()), -1);
            }
            if (is.planId() != null) {
                delta.inc("subscribers." + Ids.asPathSegment(is.planId()), 1);
            }
        }
        if (was.currency() != null && was.mrrTwelfths() != 0) {
            delta.inc("mrr." + was.currency(), -was.mrrTwelfths());
        }
        if (is.currency() != null && is.mrrTwelfths() != 0) {
            delta.inc("mrr." + is.currency(), is.mrrTwelfths());
        }
    }

    private void apply(String partnerId, String eventId, Instant at, Delta delta) {
        delta.max("updatedAt", Date.from(at));
        store.guardedUpdate(DASHBOARDS, partnerId, eventId, delta.toUpdate());
    }

    /** Pushes the partner's dashboard to its live subscribers (never during a replay, never without any). */
    private void emit(String partnerId, TrackingToken token) {
        if (token instanceof ReplayToken) {
            return;
        }
        boolean watched = updates.activeSubscriptions().stream()
                .anyMatch(s -> s.getPayload() instanceof DashboardQuery q && q.partnerId().equals(partnerId));
        if (watched) {
            updates.emit(DashboardQuery.class, q -> q.partnerId().equals(partnerId),
                    queries.dashboard(new DashboardQuery(partnerId)));
        }
    }

    @Override
    public String name() {
        return GROUP;
    }

    @Override
    public List<String> collections() {
        return List.of(DASHBOARDS, PLANS, CUSTOMERS);
    }

    @Override
    public boolean hasApplied(String aggregateType, String aggregateId, long sequence) {
        String collection = "Plan".equals(aggregateType) ? PLANS : "Customer".equals(aggregateType) ? CUSTOMERS : null;
        return collection == null || store.hasApplied(collection, aggregateId, sequence);
    }

    @ResetHandler
    void reset() {
        store.drop(DASHBOARDS, PLANS, CUSTOMERS);
        createIndexes();
    }

    private void createIndexes() {
        store.collection(PLANS).createIndex(Indexes.ascending("partnerId"), new IndexOptions().name("partner"));
        store.collection(CUSTOMERS).createIndex(Indexes.ascending("partnerId"), new IndexOptions().name("partner"));
    }

    /** The changes one event makes to a partner's summary, as one MongoDB update. */
    private static final class Delta {
        private final Document inc = new Document();
        private final Document set = new Document();
        private final Document unset = new Document();
        private final Document max = new Document();
        private final List<Document> activity = new ArrayList<>();

        void inc(String field, long by) {
            if (by != 0) {
                inc.merge(field, by, (a, b) -> ((Number) a).longValue() + ((Number) b).longValue());
            }
        }

        void set(String field, Object value) {
            set.put(field, value);
        }

        void max(String field, Object value) {
            max.put(field, value);
        }

        void unset(String field) {
            unset.put(field, "");
        }

        void activity(Instant at, long sequence, Object event, String sentence, String actor, String subject) {
            activity.add(new Document("at", Date.from(at)).append("type", event.getClass().getSimpleName())
                    .append("sentence", sentence).append("actor", actor).append("subject", subject)
                    .append("seq", sequence));
        }

        Bson toUpdate() {
            List<Bson> parts = new ArrayList<>();
            if (!inc.isEmpty()) {
                parts.add(new Document("$inc", inc));
            }
            if (!set.isEmpty()) {
                parts.add(new Document("$set", set));
            }
            if (!unset.isEmpty()) {
                parts.add(new Document("$unset", unset));
            }
            if (!max.isEmpty()) {
                parts.add(new Document("$max", max));
            }
            if (!activity.isEmpty()) {
                // kept in time order even when an event arrives after a later one, then cut to the latest; events
                // of one instant by subject and sequence, so a replay (position order) keeps the order a live
                // processor (commit order) made
                parts.add(new Document("$push", new Document("recent", new Document("$each", activity)
                        .append("$sort", new Document("at", 1).append("subject", 1).append("seq", 1))
                        .append("$slice", -RECENT))));
            }
            return combine(parts);
        }
    }
}
