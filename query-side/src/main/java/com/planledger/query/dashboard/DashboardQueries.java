package com.planledger.query.dashboard;

import com.planledger.domain.Ids;
import com.planledger.domain.query.DashboardQuery;
import com.planledger.domain.query.DashboardView;
import com.planledger.query.store.ReadModelStore;
import com.mongodb.client.model.Projections;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import com.planledger.domain.query.InvoiceView;
import com.planledger.query.invoices.InvoiceLedger;
import com.planledger.query.invoices.InvoiceRecord;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lte;

/**
 * The dashboard: one document read by key, however many customers the partner has, plus the money sums over the
 * partner's open invoices and last 30 days of payments.
 */
@Component
public class DashboardQueries {

    private final ReadModelStore store;
    private final Clock clock;

    public DashboardQueries(ReadModelStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @QueryHandler
    public DashboardView dashboard(DashboardQuery query) {
        Document doc = store.collection(DashboardProjection.DASHBOARDS).find(eq("_id", query.partnerId()))
                .projection(Projections.exclude(ReadModelStore.APPLIED)).first();
        if (doc == null) {
            return new DashboardView(query.partnerId(), new DashboardView.Customers(0, 0, 0, 0, 0, 0, 0), 0,
                    new DashboardView.Plans(0, 0, 0), null, List.of(), Map.of(), money(query.partnerId()), List.of(),
                    null);
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
                        count(customers, "TRIALING"), count(customers, "IN_GRACE"), count(customers, "BLOCKED"),
                        count(customers, "CANCELLED"), count(customers, Contribution.WITHOUT_PLAN)),
                count(doc, "users"),
                new DashboardView.Plans(count(plans, "ACTIVE"), count(plans, "INACTIVE"), count(plans, "ARCHIVED")),
                recommended, subscribers, mrr, money(query.partnerId()), recent, updated == null ? null : updated.toInstant());
    }

    /** Open and overdue invoice amounts and the last 30 days' payments, per currency, at the domain clock's now. */
    Map<String, DashboardView.Money> money(String partnerId) {
        Instant now = clock.instant();
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        store.collection(InvoiceLedger.INVOICES).find(and(eq("partnerId", partnerId),
                eq("statusKey", InvoiceView.OPEN))).forEach(doc -> {
                    InvoiceRecord invoice = store.fromDocument(doc, InvoiceRecord.class);
                    BigDecimal[] sum = sums.computeIfAbsent(invoice.currency(), c -> zeros(c));
                    sum[0] = sum[0].add(invoice.amountDue());
                    if (!invoice.dueAt().isAfter(now)) {
                        sum[1] = sum[1].add(invoice.amountDue());
                    }
                });
        store.collection(InvoiceLedger.PAYMENTS).find(and(eq("partnerId", partnerId),
                gt("atMs", now.minus(Duration.ofDays(30)).toEpochMilli()), lte("atMs", now.toEpochMilli())))
                .forEach(doc -> {
                    String currency = doc.getString("currency");
                    BigDecimal[] sum = sums.computeIfAbsent(currency, c -> zeros(c));
                    sum[2] = sum[2].add(new BigDecimal(doc.getString("amount")));
                });
        Map<String, DashboardView.Money> money = new TreeMap<>();
        sums.forEach((currency, sum) -> money.put(currency, new DashboardView.Money(sum[0], sum[1], sum[2])));
        return money;
    }

    private static BigDecimal[] zeros(String currency) {
        BigDecimal zero = com.planledger.domain.billing.Money.zero(currency);
        return new BigDecimal[] {zero, zero, zero};
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
