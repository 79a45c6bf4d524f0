package com.planledger.domain.query;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A partner's dashboard: counts of customers, users and plans, the recommended plan, subscribers per plan, monthly
 * recurring revenue per currency (net of tax, subscriptions not trialing and not cancelled), open, overdue and
 * collected money per currency, and the latest events as sentences. Counts are precomputed in one document; the
 * money sums read the invoices and payments read models at the time of asking.
 */
public record DashboardView(String partnerId,
                            Customers customers,
                            long users,
                            Plans plans,
                            @JsonInclude(JsonInclude.Include.ALWAYS) Recommended recommendedPlan,
                            List<PlanSubscribers> subscribersPerPlan,
                            Map<String, BigDecimal> monthlyRecurringRevenue,
                            Map<String, Money> money,
                            List<Activity> recentActivity,
                            Instant updatedAt) {

    /**
     * Customers by state; {@code active} counts only customers with a plan ({@code withoutPlan} those without),
     * {@code cancelled} those whose subscription ended.
     */
    public record Customers(long total, long active, long trialing, long inGrace, long blocked, long cancelled,
                            long withoutPlan) {
    }

    /** Per currency: what open invoices ask, the part past due, and what payments brought in the last 30 days. */
    public record Money(BigDecimal openAmount, BigDecimal overdueAmount, BigDecimal collectedLast30Days) {
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
