package com.planledger.domain.query;

import com.planledger.domain.customer.BlockReason;
import com.planledger.domain.customer.CustomerState;
import com.planledger.domain.plan.Limit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A customer's entitlements, maps keyed by metric: the effective limits (plan revision plus add-ons), the usage of
 * the current window (per-month metrics: the usage month in {@code windows}; levels: the current level;
 * {@code teamMembers}: the number of users), what remains ({@code "UNLIMITED"} where unlimited), whether each
 * limit is reached; the allowed integrations; and whether service is allowed (a subscription, not cancelled, no
 * block).
 */
public record EntitlementsView(String customerId,
                               String planId,
                               Integer planRevision,
                               CustomerState state,
                               Instant periodStart,
                               Instant periodEnd,
                               Map<String, Limit> limits,
                               Map<String, Long> usage,
                               Map<String, Limit> remaining,
                               Map<String, Boolean> reached,
                               Map<String, Window> windows,
                               List<String> integrations,
                               boolean serviceAllowed,
                               List<BlockReason> blockedReasons) {

    /** A usage month: {@code [from, to)}. */
    public record Window(Instant from, Instant to) {
    }
}
