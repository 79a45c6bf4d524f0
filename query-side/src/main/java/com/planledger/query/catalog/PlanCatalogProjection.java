package com.planledger.query.catalog;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import com.planledger.domain.plan.PlanEvent;
import com.planledger.domain.plan.PlanRecommendationWithdrawnEvent;
import com.planledger.domain.plan.PlanRecommendedEvent;
import com.planledger.domain.plan.RecommendationWithdrawalReason;
import com.planledger.query.admin.ReadModel;
import com.planledger.query.store.ReadModelStore;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Locale;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

/**
 * The plan catalog read model: one document per plan, folded from its events and guarded by the plan's sequence
 * number, so a replay or a redelivery changes nothing twice.
 */
@Component
@ProcessingGroup(PlanCatalogProjection.GROUP)
public class PlanCatalogProjection implements ReadModel {

    public static final String GROUP = "plan-catalog";
    public static final String PLANS = "plans";
    /** Per partner: the plan holding the recommended slot, with the slot's generation. */
    public static final String RECOMMENDED = "plan_recommended";

    private final ReadModelStore store;

    public PlanCatalogProjection(ReadModelStore store) {
        this.store = store;
        createIndexes();
    }

    @EventHandler
    void on(PlanEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            TrackingToken token) {
        // the partner's recommended plan first: idempotent, so a redelivery whose fold is skipped still applies it
        if (event instanceof PlanRecommendedEvent recommended) {
            recommend(recommended, token == null ? 0 : token.position().orElse(0));
        } else if (event instanceof PlanRecommendationWithdrawnEvent withdrawn
                && withdrawn.reason() != RecommendationWithdrawalReason.REPLACED) {
            store.collection(RECOMMENDED).updateOne(and(eq("_id", withdrawn.partnerId()),
                    eq("planId", withdrawn.planId())), Updates.set("planId", null));
        }
        store.fold(PLANS, event.key(), sequence, PlanState.class,
                state -> PlanStateFold.apply(state, event, sequence, at),
                PlanCatalogProjection::queryFields);
    }

    /**
     * The recommendation with the higher slot generation holds the partner's slot (the global position decides
     * between recommendations made before the slot existed, generation 0); one that arrives late changes nothing.
     */
    private void recommend(PlanRecommendedEvent event, long position) {
        var recommended = store.collection(RECOMMENDED);
        Document held = recommended.find(eq("_id", event.partnerId())).first();
        if (held != null) {
            long generation = held.get("generation", Number.class).longValue();
            long heldPosition = held.get("position", Number.class).longValue();
            if (generation > event.slotGeneration()
                    || (generation == event.slotGeneration() && heldPosition > position)) {
                return;
            }
        }
        recommended.replaceOne(eq("_id", event.partnerId()), new Document("_id", event.partnerId())
                .append("planId", event.planId()).append("generation", event.slotGeneration())
                .append("position", position), new ReplaceOptions().upsert(true));
    }

    /**
     * The partner's recommended plan as readers see it: the slot's holder once the partner made a recommendation
     * this read model saw, else what the plans' own states say (a partner whose last recommendation is older than
     * the slot and was never replayed).
     */
    public static java.util.function.Predicate<PlanState> recommendedIn(ReadModelStore store, String partnerId) {
        Document held = store.collection(RECOMMENDED).find(eq("_id", partnerId)).first();
        if (held == null) {
            return PlanState::recommended;
        }
        String planId = held.getString("planId");
        return state -> state.planId().equals(planId);
    }

    @Override
    public String name() {
        return GROUP;
    }

    @Override
    public java.util.List<String> collections() {
        return java.util.List.of(PLANS, RECOMMENDED);
    }

    @Override
    public boolean hasApplied(String aggregateType, String aggregateId, long sequence) {
        return !"Plan".equals(aggregateType) || store.hasApplied(PLANS, aggregateId, sequence);
    }

    @ResetHandler
    void reset() {
        store.drop(PLANS, RECOMMENDED);
        createIndexes();
    }

    /** Fields the catalog filters and sorts on, next to the state. */
    static Document queryFields(PlanState state) {
        return new Document("partnerId", state.partnerId())
                .append("nameKey", state.name().value().toLowerCase(Locale.ROOT))
                .append("displayNameKey", state.terms().displayName().toLowerCase(Locale.ROOT))
                .append("statusKey", state.status().name())
                .append("visibilityKey", state.visibility().name())
                .append("typeKey", state.type().name())
                .append("createdAtMs", state.createdAt().toEpochMilli())
                .append("updatedAtMs", state.updatedAt().toEpochMilli());
    }

    private void createIndexes() {
        var plans = store.collection(PLANS);
        plans.createIndex(Indexes.ascending("partnerId", "nameKey"), new IndexOptions().name("partner_name"));
        plans.createIndex(Indexes.ascending("partnerId", "statusKey", "visibilityKey", "archived"),
                new IndexOptions().name("partner_pricing_page"));
        plans.createIndex(Indexes.ascending("partnerId", "createdAtMs"), new IndexOptions().name("partner_created"));
    }
}
