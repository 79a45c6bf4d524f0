package com.planledger.query.customers;

import com.mongodb.client.model.Sorts;
import com.planledger.domain.Ids;
import com.planledger.domain.audit.AuditMetadata;
import com.planledger.domain.customer.CustomerEvent;
import com.planledger.domain.customer.UsageMetric;
import com.planledger.domain.plan.Limit;
import com.planledger.domain.plan.LimitKind;
import com.planledger.domain.plan.Limits;
import com.planledger.domain.query.CustomerPage;
import com.planledger.domain.query.CustomerView;
import com.planledger.domain.billing.Periods;
import com.planledger.domain.customer.CustomerState;
import com.planledger.domain.customer.SubscriptionTerms;
import com.planledger.domain.query.EntitlementsQuery;
import com.planledger.domain.query.EntitlementsView;
import com.planledger.domain.query.FindCustomerQuery;
import com.planledger.domain.query.FindPlanQuery;
import com.planledger.domain.query.ListCustomersQuery;
import com.planledger.domain.query.PageRequest;
import com.planledger.domain.query.PlanSubscribersQuery;
import com.planledger.domain.query.PlanSubscribersView;
import com.planledger.domain.query.PlanView;
import com.planledger.domain.query.PricingPageQuery;
import com.planledger.domain.query.VisiblePlansQuery;
import com.planledger.domain.query.VisiblePlansView;
import com.planledger.query.audit.EventHistory;
import com.planledger.query.catalog.PlanCatalogQueries;
import com.planledger.query.store.ReadModelStore;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

/** The customers read model's queries. Always within one partner. */
@Component
public class CustomerQueries {

    public static final Set<String> SORTS = Set.of("companyName", "email", "createdAt", "updatedAt");
    private static final Map<String, String> SORT_FIELDS = Map.of("companyName", "companyKey", "email", "emailKey",
            "createdAt", "createdAtMs", "updatedAt", "updatedAtMs");

    private final ReadModelStore store;
    private final EventHistory history;
    private final PlanCatalogQueries plans;
    private final SubscriberCounts subscriberCounts;
    private final Clock clock;

    public CustomerQueries(ReadModelStore store, EventHistory history, PlanCatalogQueries plans,
                           SubscriberCounts subscriberCounts, Clock clock) {
        this.store = store;
        this.history = history;
        this.plans = plans;
        this.subscriberCounts = subscriberCounts;
        this.clock = clock;
    }

    /** The customer now (from the read model), or as it was at {@code asOf} (rebuilt from the event store). */
    @QueryHandler
    public Optional<CustomerView> find(FindCustomerQuery query) {
        if (query.asOf() != null) {
            CustomerRecord[] record = new CustomerRecord[1];
            history.forEach(Ids.customerAggregate(query.partnerId(), query.customerId()), query.asOf(), event -> record[0] = CustomerRecordFold.apply(record[0],
                    (CustomerEvent) event.getPayload(), event.getSequenceNumber(), event.getTimestamp(),
                    (String) event.getMetaData().get(AuditMetadata.ACTOR)));
            return Optional.ofNullable(record[0]).map(customer -> customer.toView(query.asOf()));
        }
        Instant now = clock.instant();
        return Optional.ofNullable(record(query.partnerId(), query.customerId())).map(c -> c.toView(now));
    }

    @QueryHandler
    public CustomerPage list(ListCustomersQuery query) {
        List<Bson> filters = new ArrayList<>();
        filters.add(eq("partnerId", query.partnerId()));
        if (query.q() != null && !query.q().isBlank()) {
            filters.add(ReadModelStore.containing(query.q(), "companyKey", "emailKey"));
        }
        if (query.state() != null) {
            filters.add(eq("stateKey", query.state().name()));
        }
        if (query.planId() != null) {
            filters.add(eq("planKey", query.planId()));
        }
        Bson filter = and(filters);
        PageRequest page = query.page();
        Instant now = clock.instant();
        List<CustomerView> items = store.page(CustomerProjection.CUSTOMERS, filter,
                ReadModelStore.sort(page, SORT_FIELDS.getOrDefault(page.sortField(), "companyKey")), page,
                CustomerRecord.class).stream().map(c -> c.toView(now)).toList();
        return new CustomerPage(items, page.page(), page.size(),
                store.collection(CustomerProjection.CUSTOMERS).countDocuments(filter));
    }

    /** The pricing page, plus the customer's own plan flagged current, even when archived, inactive or private. */
    @QueryHandler
    public Optional<VisiblePlansView> visiblePlans(VisiblePlansQuery query) {
        CustomerRecord customer = record(query.partnerId(), query.customerId());
        if (customer == null) {
            return Optional.empty();
        }
        String current = customer.subscription() == null ? null : customer.subscription().planId();
        List<PlanView> visible = new ArrayList<>();
        boolean listed = false;
        for (PlanView plan : plans.pricingPage(new PricingPageQuery(query.partnerId())).plans()) {
            boolean isCurrent = plan.planId().equals(current);
            listed |= isCurrent;
            visible.add(plan.withCurrent(isCurrent));
        }
        if (current != null && !listed) {
            plans.find(new FindPlanQuery(query.partnerId(), current, null))
                    .ifPresent(plan -> visible.add(0, plan.withCurrent(true)));
        }
        return Optional.of(new VisiblePlansView(query.customerId(), current, visible));
    }

    /**
     * Effective limits (revision plus add-ons), usage of the current window, what remains and what is reached, the
     * allowed integrations, and whether service is allowed. One document read.
     */
    @QueryHandler
    public Optional<EntitlementsView> entitlements(EntitlementsQuery query) {
        CustomerRecord customer = record(query.partnerId(), query.customerId());
        if (customer == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Map<String, Limit> limits = new LinkedHashMap<>();
        Map<String, Long> usage = new LinkedHashMap<>();
        Map<String, Limit> remaining = new LinkedHashMap<>();
        Map<String, Boolean> reached = new LinkedHashMap<>();
        Map<String, EntitlementsView.Window> windows = new LinkedHashMap<>();
        List<String> integrations = List.of();
        SubscriptionTerms terms = customer.subscription();
        if (terms != null) {
            Limits effective = terms.effectiveLimits(customer.addOns());
            for (LimitKind kind : LimitKind.values()) {
                limits.put(kind.key(), effective.get(kind));
            }
            Periods.Window window = customer.usageWindow(now);
            for (UsageMetric metric : UsageMetric.values()) {
                used(usage, remaining, reached, metric.key(), effective.get(metric.limit()),
                        customer.used(metric, now));
                if (!metric.isLevel()) {
                    windows.put(metric.key(), new EntitlementsView.Window(window.from(), window.to()));
                }
            }
            used(usage, remaining, reached, LimitKind.TEAM_MEMBERS.key(), effective.teamMembers(),
                    customer.users().size());
            integrations = terms.integrations();
        }
        CustomerState state = customer.state();
        boolean allowed = terms != null && customer.blockedReasons().isEmpty();
        return Optional.of(new EntitlementsView(customer.customerId(), terms == null ? null : terms.planId(),
                terms == null ? null : terms.planRevision(), state, customer.periodStart(), customer.periodEnd(),
                limits, usage, remaining, reached, windows, integrations, allowed, customer.blockedReasons()));
    }

    private static void used(Map<String, Long> usage, Map<String, Limit> remaining, Map<String, Boolean> reached,
                             String key, Limit limit, long used) {
        usage.put(key, used);
        remaining.put(key, limit.isUnlimited() ? Limit.unlimited() : Limit.of(Math.max(0, limit.value() - used)));
        reached.put(key, !limit.isUnlimited() && used >= limit.value());
    }

    /** The customers on a plan: counts per revision, and a page of them (by revision, then company). */
    @QueryHandler
    public Optional<PlanSubscribersView> subscribers(PlanSubscribersQuery query) {
        if (!plans.exists(query.partnerId(), query.planId())) {
            return Optional.empty();
        }
        Document counts = subscriberCounts.document(query.partnerId(), query.planId());
        Map<String, Long> byRevision = new TreeMap<>();
        long total = 0;
        if (counts != null) {
            Document revisions = counts.get("byRevision", Document.class);
            if (revisions != null) {
                revisions.forEach((rev, n) -> {
                    long count = ((Number) n).longValue();
                    if (count != 0) {
                        byRevision.put(rev, count);
                    }
                });
            }
            total = counts.get("total", Number.class) == null ? 0 : counts.get("total", Number.class).longValue();
        }
        PageRequest page = query.page();
        List<PlanSubscribersView.Subscriber> items = store.page(CustomerProjection.CUSTOMERS,
                        and(eq("partnerId", query.partnerId()), eq("planKey", query.planId())),
                        Sorts.ascending("subscription.planRevision", "companyKey", "_id"), page, CustomerRecord.class)
                .stream().map(c -> new PlanSubscribersView.Subscriber(c.customerId(), c.companyName(), c.state(),
                        c.subscription().planRevision(), c.subscription().billingCycle())).toList();
        return Optional.of(new PlanSubscribersView(query.planId(), total, byRevision, items, page.page(),
                page.size()));
    }

    private CustomerRecord record(String partnerId, String customerId) {
        return store.find(CustomerProjection.CUSTOMERS, Ids.customer(partnerId, customerId), CustomerRecord.class);
    }
}
