package com.planledger.domain.query;

import com.planledger.domain.customer.BlockReason;
import com.planledger.domain.plan.Limit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A customer's entitlements: the effective limits (plan revision plus add-ons), the usage of this period, what
 * remains ({@code "UNLIMITED"} where unlimited), and whether service is allowed (a plan and no block).
 * {@code teamMembers} usage is the number of users.
 */
public record EntitlementsView(String customerId,
                               String planId,
                               Integer planRevision,
                               Instant periodStart,
                               Instant periodEnd,
                               Map<String, Limit> limits,
                               Map<String, Long> usage,
                               Map<String, Limit> remaining,
                               boolean serviceAllowed,
                               List<BlockReason> blockedReasons) {
}
