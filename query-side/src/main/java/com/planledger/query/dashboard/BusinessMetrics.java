package com.planledger.query.dashboard;

import com.planledger.domain.customer.CustomerState;
import com.planledger.domain.plan.PlanStatus;
import com.planledger.query.store.ReadModelStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Business gauges for Prometheus: plans by status ({@code planledger.plans}, tag {@code status}: ACTIVE, INACTIVE,
 * ARCHIVED) and customers by state ({@code planledger.customers}, tag {@code state}), over all partners. Summed
 * from the dashboard's precomputed documents (one per partner), at most once every 15 seconds.
 */
@Component
public class BusinessMetrics implements MeterBinder {

    private static final Duration FRESH = Duration.ofSeconds(15);

    private final ReadModelStore store;
    private volatile Map<String, Long> totals = Map.of();
    private volatile long computedAt;

    public BusinessMetrics(ReadModelStore store) {
        this.store = store;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (PlanStatus status : PlanStatus.values()) {
            gauge(registry, "planledger.plans", "status", status.name(), "plans." + status.name(),
                    "plans of all partners by status");
        }
        gauge(registry, "planledger.plans", "status", "ARCHIVED", "plans.ARCHIVED", "plans of all partners by status");
        for (CustomerState state : CustomerState.values()) {
            gauge(registry, "planledger.customers", "state", state.name(), "customers." + state.name(),
                    "customers of all partners by state");
        }
    }

    private void gauge(MeterRegistry registry, String name, String tag, String value, String field,
                       String description) {
        Gauge.builder(name, this, metrics -> metrics.total(field)).tag(tag, value).description(description)
                .register(registry);
    }

    private double total(String field) {
        long now = System.nanoTime();
        if (now - computedAt > FRESH.toNanos()) {
            Map<String, Long> sums = new HashMap<>();
            for (Document dashboard : store.collection(DashboardProjection.DASHBOARDS).find()
                    .projection(new Document("plans", 1).append("customers", 1))) {
                for (String group : new String[]{"plans", "customers"}) {
                    Document counts = dashboard.get(group, Document.class);
                    if (counts != null) {
                        counts.forEach((k, v) -> sums.merge(group + "." + k, ((Number) v).longValue(), Long::sum));
                    }
                }
            }
            totals = sums;
            computedAt = now;
        }
        return totals.getOrDefault(field, 0L);
    }
}
