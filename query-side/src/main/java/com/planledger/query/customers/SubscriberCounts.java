package com.planledger.query.customers;

import com.planledger.domain.Ids;
import com.planledger.query.store.ReadModelStore;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.in;

/**
 * How many customers each plan has, per revision: one counter document per plan, kept by the customers read
 * model from the customers' plan events and guarded by global position.
 */
@Component
public class SubscriberCounts {

    public static final String COLLECTION = "plan_subscriber_counts";
    /** Only the counts: a counter document also remembers the events it applied, which readers never need. */
    private static final org.bson.conversions.Bson COUNTS =
            com.mongodb.client.model.Projections.include("total", "byRevision");

    private final ReadModelStore store;

    public SubscriberCounts(ReadModelStore store) {
        this.store = store;
    }

    /** The counter document of a plan: {@code total} and {@code byRevision}, or null. */
    public Document document(String partnerId, String planId) {
        return store.collection(COLLECTION).find(com.mongodb.client.model.Filters.eq("_id",
                Ids.plan(partnerId, planId))).projection(COUNTS).first();
    }

    public long of(String partnerId, String planId) {
        return of(partnerId, List.of(planId)).getOrDefault(planId, 0L);
    }

    /** Subscriber counts of the given plans of one partner (plans without subscribers are absent). */
    public Map<String, Long> of(String partnerId, List<String> planIds) {
        Map<String, Long> counts = new HashMap<>();
        if (planIds.isEmpty()) {
            return counts;
        }
        List<String> ids = planIds.stream().map(p -> Ids.plan(partnerId, p)).toList();
        for (Document doc : store.collection(COLLECTION).find(in("_id", ids)).projection(COUNTS)) {
            Number total = doc.get("total", Number.class);
            counts.put(Ids.localOf(doc.getString("_id")), total == null ? 0L : total.longValue());
        }
        return counts;
    }
}
