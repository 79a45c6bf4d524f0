package com.planledger.query.catalog;

import com.planledger.domain.Ids;
import com.planledger.domain.plan.PlanEvent;
import com.planledger.domain.query.FindPlanQuery;
import com.planledger.domain.query.ListPlansQuery;
import com.planledger.domain.query.PageRequest;
import com.planledger.domain.query.PlanPage;
import com.planledger.domain.query.PlanView;
import com.planledger.domain.query.PricingPageQuery;
import com.planledger.domain.query.PricingPageView;
import com.planledger.query.audit.EventHistory;
import com.planledger.query.customers.SubscriberCounts;
import com.planledger.query.store.ReadModelStore;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

/** The plan catalog's queries: list, detail, pricing page. Always within one partner. */
@Component
public class PlanCatalogQueries {

    public static final Set<String> SORTS = Set.of("name", "displayName", "createdAt", "updatedAt");
    private static final Map<String, String> SORT_FIELDS = Map.of("name", "nameKey", "displayName",
            "displayNameKey", "createdAt", "createdAtMs", "updatedAt", "updatedAtMs");

    private final ReadModelStore store;
    private final SubscriberCounts subscriberCounts;
    private final EventHistory history;

    public PlanCatalogQueries(ReadModelStore store, SubscriberCounts subscriberCounts, EventHistory history) {
        this.store = store;
        this.subscriberCounts = subscriberCounts;
        this.history = history;
    }

    /** The plan now (from the catalog), or as it was at {@code asOf} (rebuilt from the event store). */
    @QueryHandler
    public Optional<PlanView> find(FindPlanQuery query) {
        String id = Ids.plan(query.partnerId(), query.planId());
        if (query.asOf() != null) {
            PlanState[] state = new PlanState[1];
            history.forEach(Ids.planAggregate(query.partnerId(), query.planId()), query.asOf(), event -> state[0] = PlanStateFold.apply(state[0],
                    (PlanEvent) event.getPayload(), event.getSequenceNumber(), event.getTimestamp()));
            return Optional.ofNullable(state[0]).map(s -> s.toView(0, true));
        }
        PlanState found = store.find(PlanCatalogProjection.PLANS, id, PlanState.class);
        if (found == null) {
            return Optional.empty();
        }
        PlanState state = recommended(query.partnerId(), List.of(found)).get(0);
        return Optional.of(state.toView(subscriberCounts.of(query.partnerId(), query.planId()), true));
    }

    /** Whether the partner has the plan {@code planId} in the catalog (archived included). */
    public boolean exists(String partnerId, String planId) {
        return store.hasApplied(PlanCatalogProjection.PLANS, Ids.plan(partnerId, planId), 0);
    }

    /**
     * The states with {@code recommended} as the partner's recommended slot says (read once, after the plans): at
     * most one plan is recommended in any answer, even while the replaced plan's withdrawal is on its way.
     */
    private List<PlanState> recommended(String partnerId, List<PlanState> states) {
        var isRecommended = PlanCatalogProjection.recommendedIn(store, partnerId);
        return states.stream().map(s -> s.withRecommended(isRecommended.test(s))).toList();
    }

    @QueryHandler
    public PlanPage list(ListPlansQuery query) {
        List<Bson> filters = new ArrayList<>();
        filters.add(eq("partnerId", query.partnerId()));
        if (query.q() != null && !query.q().isBlank()) {
            filters.add(ReadModelStore.containing(query.q(), "nameKey", "displayNameKey"));
        }
        if (query.type() != null) {
            filters.add(eq("typeKey", query.type().name()));
        }
        if (query.status() != null) {
            filters.add(eq("statusKey", query.status().name()));
        }
        if (query.visibility() != null) {
            filters.add(eq("visibilityKey", query.visibility().name()));
        }
        if (query.archived() != null) {
            filters.add(eq("archived", query.archived()));
        }
        Bson filter = and(filters);
        PageRequest page = query.page();
        List<PlanState> states = recommended(query.partnerId(), store.page(PlanCatalogProjection.PLANS, filter,
                ReadModelStore.sort(page, SORT_FIELDS.getOrDefault(page.sortField(), "nameKey")), page,
                PlanState.class));
        Map<String, Long> counts = subscriberCounts.of(query.partnerId(),
                states.stream().map(PlanState::planId).toList());
        List<PlanView> items = states.stream()
                .map(s -> s.toView(counts.getOrDefault(s.planId(), 0L), false)).toList();
        return new PlanPage(items, page.page(), page.size(),
                store.collection(PlanCatalogProjection.PLANS).countDocuments(filter));
    }

    @QueryHandler
    public PricingPageView pricingPage(PricingPageQuery query) {
        List<PlanState> found = new ArrayList<>();
        store.collection(PlanCatalogProjection.PLANS)
                .find(and(eq("partnerId", query.partnerId()), eq("statusKey", "ACTIVE"),
                        eq("visibilityKey", "PUBLIC"), eq("archived", false)))
                .forEach(doc -> found.add(store.fromDocument(doc, PlanState.class)));
        List<PlanState> listed = new ArrayList<>(recommended(query.partnerId(), found));
        listed.sort(Comparator.comparing(PlanState::recommended).reversed()
                .thenComparing(PlanState::createdAt).thenComparing(PlanState::planId));
        Map<String, Long> counts = subscriberCounts.of(query.partnerId(),
                listed.stream().map(PlanState::planId).toList());
        List<PlanView> plans = listed.stream()
                .map(s -> s.toView(counts.getOrDefault(s.planId(), 0L), false)).toList();
        String recommended = listed.stream().filter(PlanState::recommended).map(PlanState::planId).findFirst()
                .orElse(null);
        return new PricingPageView(query.partnerId(), recommended, plans);
    }
}
