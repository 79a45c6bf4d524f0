package com.planledger.domain.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.planledger.domain.customer.BlockReason;
import com.planledger.domain.customer.CustomerState;
import com.planledger.domain.customer.UserRole;
import com.planledger.domain.plan.BillingCycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A customer as dashboards and callers read it. */
public record CustomerView(String customerId,
                           String partnerId,
                           String companyName,
                           String email,
                           CustomerState state,
                           List<Block> blocks,
                           @JsonInclude(JsonInclude.Include.ALWAYS) Subscription subscription,
                           List<User> users,
                           List<AddOn> addOns,
                           long version,
                           Instant createdAt,
                           Instant updatedAt) {

    /** A block standing on the customer: why, the note (MANUAL), who placed it and when. */
    public record Block(BlockReason reason, String note, String by, Instant at) {
    }

    /**
     * The customer's subscription: the plan revision it holds, the cycle, the price in force and the amount due
     * per period, the current period, the trial and grace ends, periods paid ahead, and a migration waiting for
     * the next renewal.
     */
    public record Subscription(String planId, String planName, int planRevision, BillingCycle billingCycle,
                               BigDecimal price, String currency, BigDecimal amountDue, Instant periodStart,
                               Instant periodEnd, Instant trialEndsAt, Instant graceEndsAt, int prepaidPeriods,
                               Integer pendingRevision) {
    }

    public record User(String userId, String email, UserRole role) {
    }

    public record AddOn(String code, int quantity) {
    }
}
