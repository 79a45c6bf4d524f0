package com.planledger.domain.query;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A partner's dashboard: counts of customers, users and plans, the recommended plan, subscribers per plan, monthly
 * recurring revenue per currency, and the latest events as sentences. Precomputed: one document read by key.
 */
public record DashboardView(String partnerId,
                            Customers customers,
                            long users,
                            Plans plans,
                            @JsonInclude(JsonInclude.Include.ALWAYS) Recommended recommendedPlan,
                            List<PlanSubscribers> subscribersPerPlan,
                            Map<String, BigDecimal> monthlyRecurringRevenue,
                            List<Activity> recentActivity,
                            Instant updatedAt) {

    public record Customers(long total, long active, long trialing, long inGrace, long blocked) {
    }

    public record Plans(long active, long inactive, long archived) {
    }

    public record Recommended(String planId, String displayName) {
    }

    public record PlanSubscribers(String planId, String displayName, long subscribers) {
    }

    /** One recent event, as a sentence a person can read. */
    public record Activity(Instant at, String type, String sentence, String actor, String subject) {
    }
}
