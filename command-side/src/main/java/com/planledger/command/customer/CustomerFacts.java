package com.planledger.command.customer;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.planledger.domain.DomainException;
import com.planledger.domain.ErrorCode;
import com.planledger.domain.billing.PaymentAllocation;
import com.planledger.domain.customer.AddOnAttachedEvent;
import com.planledger.domain.customer.AddOnDetachedEvent;
import com.planledger.domain.customer.BlockReason;
import com.planledger.domain.customer.CompanyName;
import com.planledger.domain.customer.CustomerBlockedEvent;
import com.planledger.domain.customer.CustomerEvent;
import com.planledger.domain.customer.CustomerPastDueEvent;
import com.planledger.domain.customer.CustomerPlanAssignedEvent;
import com.planledger.domain.customer.CustomerPlanChangedEvent;
import com.planledger.domain.customer.CustomerProfileUpdatedEvent;
import com.planledger.domain.customer.CustomerRegisteredEvent;
import com.planledger.domain.customer.CustomerUnblockedEvent;
import com.planledger.domain.customer.CustomerUserAddedEvent;
import com.planledger.domain.customer.CustomerUserRemovedEvent;
import com.planledger.domain.customer.CustomerUserRoleChangedEvent;
import com.planledger.domain.customer.EmailAddress;
import com.planledger.domain.customer.InvoiceIssuedEvent;
import com.planledger.domain.customer.PastDueSettledEvent;
import com.planledger.domain.customer.PaymentRecordedEvent;
import com.planledger.domain.customer.ScheduledChangeRemovedEvent;
import com.planledger.domain.customer.SubscriptionCancellationScheduledEvent;
import com.planledger.domain.customer.SubscriptionCancelledEvent;
import com.planledger.domain.customer.SubscriptionChangeScheduledEvent;
import com.planledger.domain.customer.SubscriptionMigratedEvent;
import com.planledger.domain.customer.SubscriptionMigrationScheduledEvent;
import com.planledger.domain.customer.SubscriptionReactivatedEvent;
import com.planledger.domain.customer.SubscriptionRenewedEvent;
import com.planledger.domain.customer.SubscriptionTerms;
import com.planledger.domain.customer.UsageLevelSetEvent;
import com.planledger.domain.customer.UsageLimitReachedEvent;
import com.planledger.domain.customer.UsageMetric;
import com.planledger.domain.customer.UsageRecordedEvent;
import com.planledger.domain.customer.UserRole;
import com.planledger.domain.plan.BillingCycle;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a customer's events have established beyond its identity: the fold the {@link Customer} aggregate and its
 * {@link Billing} decisions read. Each event type changes it in exactly one place ({@link #apply}); the deciders
 * read it and never write it. Jackson writes its fields into the aggregate's snapshot, flat beside the identity.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE, creatorVisibility = JsonAutoDetect.Visibility.NONE)
final class CustomerFacts {

    /** How long a usage id is remembered after its report. */
    static final Duration USAGE_ID_MEMORY = Duration.ofDays(35);

    CompanyName companyName;
    EmailAddress email;

    // the subscription: the terms held (kept after a cancel, with ended set), its period and anchor
    SubscriptionTerms subscription;
    boolean ended;
    Instant periodStart;
    Instant periodEnd;
    Instant anchor;
    BillingCycle anchorCycle;
    Instant trialEndsAt;
    boolean inTrial;
    boolean trialUsed;
    SubscriptionTerms pendingMigration;
    String pendingMigrationJob;
    SubscriptionTerms scheduledChange;
    Instant cancelAt;
    String cancelReason;

    // the account: credit held, open invoices oldest first, payments by reference
    String accountCurrency;
    BigDecimal credit;
    Map<String, OpenInvoice> openInvoices = new LinkedHashMap<>();
    Map<String, BigDecimal> payments = new HashMap<>();
    boolean pastDue;
    Instant graceEndsAt;

    Map<BlockReason, Instant> blocks = new EnumMap<>(BlockReason.class);
    Map<String, User> users = new LinkedHashMap<>();
    Map<String, Integer> addOns = new TreeMap<>();

    // usage: per-month counts of the usage month from usageWindowStart, levels, and the reports remembered
    Instant usageWindowStart;
    Map<UsageMetric, Long> usage = new EnumMap<>(UsageMetric.class);
    Map<UsageMetric, Long> levels = new EnumMap<>(UsageMetric.class);
    Set<UsageMetric> limitsReached = new HashSet<>();
    Map<String, UsageReport> usageReports = new HashMap<>();

    /** A team member. */
    record User(String userId, EmailAddress email, UserRole role) {
    }

    /** An invoice not yet fully paid: what it still asks and when it falls due. */
    record OpenInvoice(BigDecimal amountDue, Instant dueAt) {
    }

    /** A usage report as remembered for its id: the metric, the quantity or level, and when it was recorded. */
    record UsageReport(UsageMetric metric, long amount, Instant at) {
    }

    /** Whether the customer holds a subscription that has not ended. */
    boolean subscribed() {
        return subscription != null && !ended;
    }

    void requireSubscription() {
        if (!subscribed()) {
            throw new DomainException(ErrorCode.NO_SUBSCRIPTION, ended
                    ? "the customer's subscription was cancelled; assign a plan to start a new one"
                    : "the customer has no plan");
        }
    }

    /** The end of the running period, or of the trial. */
    Instant boundary() {
        return inTrial ? trialEndsAt : periodEnd;
    }

    /** The oldest open invoice that fell due by {@code now}, or null. */
    Map.Entry<String, OpenInvoice> oldestOverdue(Instant now) {
        return openInvoices.entrySet().stream().filter(e -> !e.getValue().dueAt().isAfter(now)).findFirst()
                .orElse(null);
    }

    /** When the next time-based transition falls due (null: nothing until a payment or a new plan). */
    Instant nextDue() {
        Instant next = subscribed() ? boundary() : null;
        if (!pastDue) {
            for (OpenInvoice open : openInvoices.values()) {
                next = earliest(next, open.dueAt());
            }
        } else if (!blockedFor(BlockReason.PAYMENT_OVERDUE)) {
            next = earliest(next, graceEndsAt);
        }
        return next;
    }

    static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    User requireUser(String userId) {
        User user = users.get(userId);
        if (user == null) {
            throw new DomainException(ErrorCode.USER_NOT_FOUND, "userId", "the customer has no user " + userId);
        }
        return user;
    }

    boolean blockedFor(BlockReason reason) {
        return blocks.containsKey(reason);
    }

    boolean emailUsedByAUser(EmailAddress address) {
        return users.values().stream().anyMatch(u -> u.email().normalized().equals(address.normalized()));
    }

    void apply(CustomerEvent event) {
        if (event instanceof CustomerRegisteredEvent e) {
            companyName = e.companyName();
            email = e.email();
        } else if (event instanceof CustomerProfileUpdatedEvent e) {
            companyName = e.companyName();
            email = e.email();
        } else if (event instanceof CustomerPlanAssignedEvent e) {
            subscription = e.subscription();
            ended = false;
            periodStart = e.periodStart();
            periodEnd = e.periodEnd();
            trialEndsAt = e.trialEndsAt();
            inTrial = e.trialEndsAt() != null;
            trialUsed = trialUsed || inTrial;
            anchor = e.anchorInForce();
            anchorCycle = e.subscription().billingCycle();
            accountCurrency = e.subscription().currency();
            cancelAt = null;
            cancelReason = null;
            usageWindowStart = null;
            usage = new EnumMap<>(UsageMetric.class);
            limitsReached = new HashSet<>();
        } else if (event instanceof CustomerPlanChangedEvent e) {
            changeSubscription(e.subscription(), e.detachedAddOns());
            if (e.periodStart() != null) {
                periodStart = e.periodStart();
                periodEnd = e.periodEnd();
            }
            if (e.anchor() != null) {
                anchor = e.anchor();
                anchorCycle = e.subscription().billingCycle();
            }
        } else if (event instanceof SubscriptionMigrationScheduledEvent e) {
            pendingMigration = e.subscription();
            pendingMigrationJob = e.jobId();
        } else if (event instanceof SubscriptionMigratedEvent e) {
            changeSubscription(e.subscription(), e.detachedAddOns());
        } else if (event instanceof SubscriptionChangeScheduledEvent e) {
            scheduledChange = e.subscription();
        } else if (event instanceof ScheduledChangeRemovedEvent e) {
            scheduledChange = null;
        } else if (event instanceof SubscriptionRenewedEvent e) {
            periodStart = e.periodStart();
            periodEnd = e.periodEnd();
            if (e.anchor() != null) {
                anchor = e.anchor();
                anchorCycle = subscription.billingCycle();
            } else if (anchor == null) {
                anchor = e.periodStart();
                anchorCycle = subscription.billingCycle();
            }
            inTrial = false;
            if (e.anchor() == null && openInvoices.isEmpty()) {
                // a renewal of the prepaid-period model (revision 1): it was paid, nothing is past due
                pastDue = false;
                graceEndsAt = null;
            }
        } else if (event instanceof InvoiceIssuedEvent e) {
            accountCurrency = e.currency();
            credit = e.creditAfter();
            if (e.amountDue().signum() > 0) {
                openInvoices.put(e.number(), new OpenInvoice(e.amountDue(), e.dueAt()));
            }
        } else if (event instanceof PaymentRecordedEvent e) {
            payments.put(e.reference(), e.amount());
            for (PaymentAllocation allocation : e.allocations()) {
                openInvoices.computeIfPresent(allocation.number(), (number, open) -> {
                    BigDecimal left = open.amountDue().subtract(allocation.amount());
                    return left.signum() > 0 ? new OpenInvoice(left, open.dueAt()) : null;
                });
            }
            if (e.creditAfter() != null) {
                credit = e.creditAfter();
            }
        } else if (event instanceof CustomerPastDueEvent e) {
            pastDue = true;
            inTrial = inTrial && e.invoiceNumber() != null;
            graceEndsAt = e.graceEndsAt();
        } else if (event instanceof PastDueSettledEvent e) {
            pastDue = false;
            graceEndsAt = null;
        } else if (event instanceof SubscriptionCancellationScheduledEvent e) {
            cancelAt = e.cancelAt();
            cancelReason = e.reason();
        } else if (event instanceof SubscriptionReactivatedEvent e) {
            cancelAt = null;
            cancelReason = null;
        } else if (event instanceof SubscriptionCancelledEvent e) {
            ended = true;
            inTrial = false;
            cancelAt = null;
            cancelReason = null;
            scheduledChange = null;
            pendingMigration = null;
            pendingMigrationJob = null;
            addOns.clear();
        } else if (event instanceof CustomerBlockedEvent e) {
            blocks.put(e.reason(), e.at());
        } else if (event instanceof CustomerUnblockedEvent e) {
            blocks.remove(e.reason());
        } else if (event instanceof CustomerUserAddedEvent e) {
            users.put(e.userId(), new User(e.userId(), e.email(), e.role()));
        } else if (event instanceof CustomerUserRoleChangedEvent e) {
            users.computeIfPresent(e.userId(), (id, user) -> new User(id, user.email(), e.role()));
        } else if (event instanceof CustomerUserRemovedEvent e) {
            users.remove(e.userId());
        } else if (event instanceof AddOnAttachedEvent e) {
            addOns.put(e.code(), e.quantity());
        } else if (event instanceof AddOnDetachedEvent e) {
            addOns.remove(e.code());
        } else if (event instanceof UsageRecordedEvent e) {
            if (!e.windowStart().equals(usageWindowStart)) {
                usageWindowStart = e.windowStart();
                usage = new EnumMap<>(UsageMetric.class);
                limitsReached.removeIf(metric -> !metric.isLevel());
            }
            usage.put(e.metric(), e.used());
            remember(e.usageId(), new UsageReport(e.metric(), e.quantity(), e.at() != null ? e.at()
                    : e.windowStart()));
        } else if (event instanceof UsageLevelSetEvent e) {
            levels.put(e.metric(), e.level());
            remember(e.usageId(), new UsageReport(e.metric(), e.level(), e.at()));
        } else if (event instanceof UsageLimitReachedEvent e) {
            limitsReached.add(e.metric());
        } else {
            throw new IllegalStateException("no fold for " + event.getClass().getName());
        }
    }

    /** Remembers a usage id and forgets those older than {@link #USAGE_ID_MEMORY} before it. */
    private void remember(String usageId, UsageReport report) {
        Instant horizon = report.at().minus(USAGE_ID_MEMORY);
        usageReports.values().removeIf(old -> old.at().isBefore(horizon));
        usageReports.put(usageId, report);
    }

    private void changeSubscription(SubscriptionTerms next, Iterable<String> detachedAddOns) {
        subscription = next;
        detachedAddOns.forEach(addOns::remove);
        pendingMigration = null;
        pendingMigrationJob = null;
        scheduledChange = null;
    }
}
