package com.planledger.query.customers;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.planledger.domain.billing.Money;
import com.planledger.domain.billing.Periods;
import com.planledger.domain.customer.BlockReason;
import com.planledger.domain.customer.CustomerState;
import com.planledger.domain.customer.SubscriptionTerms;
import com.planledger.domain.customer.UsageMetric;
import com.planledger.domain.query.CustomerView;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A customer folded from its events: what the customers read model stores per customer, and what {@code asOf}
 * rebuilds from the event store. Mutable: a fold works on a fresh copy (read from the store or being rebuilt).
 * What depends on the time of reading (the overdue amount, the current usage month) is computed when read.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class CustomerRecord {

    String customerId;
    String partnerId;
    String companyName;
    String email;
    SubscriptionTerms subscription;
    boolean ended;
    Instant periodStart;
    Instant periodEnd;
    Instant anchor;
    Instant trialEndsAt;
    boolean inTrial;
    boolean pastDue;
    Instant graceEndsAt;
    Instant cancelAt;
    SubscriptionTerms pending;
    SubscriptionTerms scheduled;
    Instant scheduledAt;
    String accountCurrency;
    BigDecimal credit;
    Map<String, OpenInvoice> openInvoices = new LinkedHashMap<>();
    List<CustomerView.Block> blocks = new ArrayList<>();
    List<CustomerView.User> users = new ArrayList<>();
    Map<String, Integer> addOns = new TreeMap<>();
    Instant usageWindowStart;
    Instant usageWindowEnd;
    Map<UsageMetric, Long> usage = new EnumMap<>(UsageMetric.class);
    long version;
    Instant createdAt;
    Instant updatedAt;

    /** An invoice not yet fully paid: what it still asks and when it falls due. */
    public record OpenInvoice(BigDecimal amountDue, Instant dueAt) {
    }

    public String customerId() {
        return customerId;
    }

    public String partnerId() {
        return partnerId;
    }

    /** The subscription held, or null when there is none or it was cancelled. */
    public SubscriptionTerms subscription() {
        return ended ? null : subscription;
    }

    public boolean cancelled() {
        return ended;
    }

    public List<CustomerView.User> users() {
        return users;
    }

    public Map<String, Integer> addOns() {
        return addOns;
    }

    public Instant periodStart() {
        return ended ? null : periodStart;
    }

    public Instant periodEnd() {
        return ended ? null : periodEnd;
    }

    /** When the last event folded in was stored. */
    public Instant updatedAt() {
        return updatedAt;
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

    /**
     * The usage month containing {@code now}, counted from the anchor (from the subscription's start while there is
     * none); null without a subscription.
     */
    public Periods.Window usageWindow(Instant now) {
        if (subscription() == null) {
            return null;
        }
        return Periods.monthWindow(anchor != null ? anchor : periodStart, now);
    }

    /** The usage of {@code metric} now: a level as it stands, a per-month count only within its usage month. */
    public long used(UsageMetric metric, Instant now) {
        long value = usage.getOrDefault(metric, 0L);
        if (metric.isLevel()) {
            return value;
        }
        Periods.Window window = usageWindow(now);
        return window != null && window.from().equals(usageWindowStart) ? value : 0L;
    }

    /** CANCELLED once ended; else BLOCKED while any block stands; else IN_GRACE, TRIALING or ACTIVE. */
    public CustomerState state() {
        if (ended) {
            return CustomerState.CANCELLED;
        }
        if (!blocks.isEmpty()) {
            return CustomerState.BLOCKED;
        }
        if (pastDue) {
            return CustomerState.IN_GRACE;
        }
        return inTrial ? CustomerState.TRIALING : CustomerState.ACTIVE;
    }

    /** The account at {@code now}: credit, what open invoices ask, and the part of it past due. */
    public CustomerView.Account account(Instant now) {
        if (accountCurrency == null) {
            return null;
        }
        BigDecimal zero = Money.zero(accountCurrency);
        BigDecimal open = zero;
        BigDecimal overdue = zero;
        for (OpenInvoice invoice : openInvoices.values()) {
            open = open.add(invoice.amountDue());
            if (!invoice.dueAt().isAfter(now)) {
                overdue = overdue.add(invoice.amountDue());
            }
        }
        return new CustomerView.Account(accountCurrency, credit == null ? zero : credit, open, overdue);
    }

    public CustomerView toView(Instant now) {
        SubscriptionTerms terms = subscription();
        CustomerView.Subscription sub = terms == null ? null : new CustomerView.Subscription(
                terms.planId(), terms.planName().value(), terms.planRevision(), terms.billingCycle(), terms.price(),
                terms.currency(), terms.amountDue(addOns), periodStart, periodEnd, anchor,
                trialEndsAt, graceEndsAt, cancelAt, scheduled == null ? null : new CustomerView.ScheduledChange(
                        scheduled.planId(), scheduled.planRevision(), scheduled.billingCycle(), scheduled.price(),
                        scheduledAt), pending == null ? null : pending.planRevision());
        List<CustomerView.AddOn> attached = addOns.entrySet().stream()
                .map(e -> new CustomerView.AddOn(e.getKey(), e.getValue())).toList();
        return new CustomerView(customerId, partnerId, companyName, email, state(), List.copyOf(blocks), sub,
                List.copyOf(users), attached, account(now), version, createdAt, updatedAt);
    }
}
