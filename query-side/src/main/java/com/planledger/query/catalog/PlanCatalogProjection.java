package com.planledger.query.catalog;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.planledger.domain.plan.PlanEvent;
import com.planledger.query.admin.ReadModel;
import com.planledger.query.store.ReadModelStore;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Locale;

/**
 * The plan catalog read model: one document per plan, folded from its events and guarded by the plan's sequence
 * number, so a replay or a redelivery changes nothing twice.
 */
@Component
@ProcessingGroup(PlanCatalogProjection.GROUP)
public class PlanCatalogProjection implements ReadModel {

    public static final String GROUP = "plan-catalog";
    public static final String PLANS = "plans";

    private final ReadModelStore store;

    public PlanCatalogProjection(ReadModelStore store) {
        this.store = store;
        createIndexes();
    }

    @EventHandler
    void on(PlanEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        store.fold(PLANS, event.aggregateId(), sequence, PlanState.class,
                state -> PlanStateFold.apply(state, event, sequence, at),
                PlanCatalogProjection::queryFields);
    }

    @Override
    public String name() {
        return GROUP;
    }

    @Override
    public java.util.List<String> collections() {
        return java.util.List.of(PLANS);
    }

    @Override
    public boolean hasApplied(String aggregateType, String aggregateId, long sequence) {
        return !"Plan".equals(aggregateType) || store.hasApplied(PLANS, aggregateId, sequence);
    }

    @ResetHandler
    void reset() {
        store.drop(PLANS);
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
