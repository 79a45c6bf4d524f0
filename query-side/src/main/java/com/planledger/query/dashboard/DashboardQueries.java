package com.planledger.query.dashboard;

import com.planledger.domain.Ids;
import com.planledger.domain.query.DashboardQuery;
import com.planledger.domain.query.DashboardView;
import com.planledger.query.store.ReadModelStore;
import com.mongodb.client.model.Projections;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.mongodb.client.model.Filters.eq;

/** The dashboard: one document read by key, however many customers the partner has. */
@Component
public class DashboardQueries {

    private final ReadModelStore store;

    public DashboardQueries(ReadModelStore store) {
        this.store = store;
    }

    @QueryHandler
    public DashboardView dashboard(DashboardQuery query) {
        Document doc = store.collection(DashboardProjection.DASHBOARDS).find(eq("_id", query.partnerId()))
                .projection(Projections.exclude(ReadModelStore.APPLIED)).first();
        if (doc == null) {
            return new DashboardView(query.partnerId(), new DashboardView.Customers(0, 0, 0, 0, 0), 0,
                    new DashboardView.Plans(0, 0, 0), null, List.of(), Map.of(), List.of(), null);
        }
        Document customers = sub(doc, "customers");
        Document plans = sub(doc, "plans");
        Document names = sub(doc, "planNames");

        DashboardView.Recommended recommended = sub(doc, "recommended").entrySet().stream()
                .max(Comparator.<Map.Entry<String, Object>>comparingLong(e -> generation((Document) e.getValue()))
                        .thenComparing(e -> ((Document) e.getValue()).getDate("since")))
                .map(e -> new DashboardView.Recommended(Ids.fromPathSegment(e.getKey()),
                        ((Document) e.getValue()).getString("displayName")))
                .orElse(null);

        List<DashboardView.PlanSubscribers> subscribers = new ArrayList<>();
        sub(doc, "subscribers").forEach((key, n) -> {
            long count = ((Number) n).longValue();
            if (count > 0) {
                subscribers.add(new DashboardView.PlanSubscribers(Ids.fromPathSegment(key), names.getString(key),
                        count));
            }
        });
        subscribers.sort(Comparator.comparing(DashboardView.PlanSubscribers::subscribers).reversed()
                .thenComparing(DashboardView.PlanSubscribers::planId));

        Map<String, BigDecimal> mrr = new TreeMap<>();
        sub(doc, "mrr").forEach((currency, twelfths) ->
                mrr.put(currency, Contribution.amount(((Number) twelfths).longValue(), currency)));

        List<DashboardView.Activity> recent = new ArrayList<>();
        List<Document> entries = doc.getList("recent", Document.class, List.of());
        for (int i = entries.size() - 1; i >= 0; i--) {
            Document e = entries.get(i);
            recent.add(new DashboardView.Activity(e.getDate("at").toInstant(), e.getString("type"),
                    e.getString("sentence"), e.getString("actor"), e.getString("subject")));
        }
        Date updated = doc.getDate("updatedAt");
        return new DashboardView(query.partnerId(),
                new DashboardView.Customers(count(customers, "total"), count(customers, "ACTIVE"),
                        count(customers, "TRIALING"), count(customers, "IN_GRACE"), count(customers, "BLOCKED")),
                count(doc, "users"),
                new DashboardView.Plans(count(plans, "ACTIVE"), count(plans, "INACTIVE"), count(plans, "ARCHIVED")),
                recommended, subscribers, mrr, recent, updated == null ? null : updated.toInstant());
    }

    private static Document sub(Document doc, String field) {
        Document sub = doc.get(field, Document.class);
        return sub == null ? new Document() : sub;
    }

    private static long count(Document doc, String field) {
        Number n = doc.get(field, Number.class);
        return n == null ? 0 : n.longValue();
    }

    /** The recommended slot's generation of a recommendation (0 for those recorded before the slot existed). */
    private static long generation(Document recommendation) {
        Object value = recommendation.get("generation");
        return value instanceof Number n ? n.longValue() : 0;
    }
}
