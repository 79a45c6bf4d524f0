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
                           @JsonInclude(JsonInclude.Include.ALWAYS) Account account,
                           long version,
                           Instant createdAt,
                           Instant updatedAt) {

    /** A block standing on the customer: why, the note (MANUAL), who placed it and when. */
    public record Block(BlockReason reason, String note, String by, Instant at) {
    }

    /**
     * The customer's subscription: the plan revision it holds, the cycle, the price in force and what a period
     * costs with add-ons and tax, the current period and its anchor, the trial and grace ends, a cancel scheduled
     * for the period end, a change scheduled for it, and a migration waiting for the next renewal.
     */
    public record Subscription(String planId, String planName, int planRevision, BillingCycle billingCycle,
                               BigDecimal price, String currency, BigDecimal amountDue, Instant periodStart,
                               Instant periodEnd, Instant anchor, Instant trialEndsAt, Instant graceEndsAt,
                               Instant cancelAt, ScheduledChange scheduledChange, Integer pendingRevision) {
    }

    /** A change of plan, revision or cycle that takes effect at {@code effectiveAt} (the period end). */
    public record ScheduledChange(String planId, int planRevision, BillingCycle billingCycle, BigDecimal price,
                                  Instant effectiveAt) {
    }

    /**
     * The customer's account in its currency: {@code balance} is credit held and not yet applied, {@code openAmount}
     * what open invoices still ask, {@code overdueAmount} the part of it past its due date.
     */
    public record Account(String currency, BigDecimal balance, BigDecimal openAmount, BigDecimal overdueAmount) {
    }

    public record User(String userId, String email, UserRole role) {
    }

    public record AddOn(String code, int quantity) {
    }
}
