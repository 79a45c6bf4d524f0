package com.planledger.query.customers;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.planledger.domain.customer.BlockReason;
import com.planledger.domain.customer.CustomerState;
import com.planledger.domain.customer.SubscriptionTerms;
import com.planledger.domain.customer.UsageMetric;
import com.planledger.domain.query.CustomerView;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A customer folded from its events: what the customers read model stores per customer, and what {@code asOf}
 * rebuilds from the event store. Mutable: a fold works on a fresh copy (read from the store or being rebuilt).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class CustomerRecord {

    String customerId;
    String partnerId;
    String companyName;
    String email;
    SubscriptionTerms subscription;
    Instant periodStart;
    Instant periodEnd;
    Instant trialEndsAt;
    boolean inTrial;
    boolean pastDue;
    Instant graceEndsAt;
    int prepaidPeriods;
    SubscriptionTerms pending;
    List<CustomerView.Block> blocks = new ArrayList<>();
    List<CustomerView.User> users = new ArrayList<>();
    Map<String, Integer> addOns = new TreeMap<>();
    Map<UsageMetric, Long> usage = new EnumMap<>(UsageMetric.class);
    long version;
    Instant createdAt;
    Instant updatedAt;

    public String customerId() {
        return customerId;
    }

    public String partnerId() {
        return partnerId;
    }

    public SubscriptionTerms subscription() {
        return subscription;
    }

    public List<CustomerView.User> users() {
        return users;
    }

    public Map<String, Integer> addOns() {
        return addOns;
    }

    public Map<UsageMetric, Long> usage() {
        return usage;
    }

    public Instant periodStart() {
        return periodStart;
    }

    public Instant periodEnd() {
        return periodEnd;
    }

    public String companyName() {
        return companyName;
    }

    public String email() {
        return email;
    }

    public List<BlockReason> blockedReasons() {
        return blocks.stream().map(CustomerView.Block::reason).sorted().toList();
    }

    /** BLOCKED while any block stands; else IN_GRACE while past due; else TRIALING in the trial; else ACTIVE. */
    public CustomerState state() {
        if (!blocks.isEmpty()) {
            return CustomerState.BLOCKED;
        }
        if (pastDue) {
            return CustomerState.IN_GRACE;
        }
        return inTrial ? CustomerState.TRIALING : CustomerState.ACTIVE;
    }

    public CustomerView toView() {
        CustomerView.Subscription sub = subscription == null ? null : new CustomerView.Subscription(
                subscription.planId(), subscription.planName().value(), subscription.planRevision(),
                subscription.billingCycle(), subscription.price(), subscription.currency(),
                (pending != null ? pending : subscription).amountDue(addOns), periodStart, periodEnd,
                trialEndsAt, graceEndsAt, prepaidPeriods, pending == null ? null : pending.planRevision());
        List<CustomerView.AddOn> attached = addOns.entrySet().stream()
                .map(e -> new CustomerView.AddOn(e.getKey(), e.getValue())).toList();
        return new CustomerView(customerId, partnerId, companyName, email, state(), List.copyOf(blocks), sub,
                List.copyOf(users), attached, version, createdAt, updatedAt);
    }
}
