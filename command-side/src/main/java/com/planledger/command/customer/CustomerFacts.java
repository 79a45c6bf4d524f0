package com.planledger.command.customer;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.planledger.domain.DomainException;
import com.planledger.domain.ErrorCode;
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
import com.planledger.domain.customer.PaymentRecordedEvent;
import com.planledger.domain.customer.SubscriptionMigratedEvent;
import com.planledger.domain.customer.SubscriptionMigrationScheduledEvent;
import com.planledger.domain.customer.SubscriptionRenewedEvent;
import com.planledger.domain.customer.SubscriptionTerms;
import com.planledger.domain.customer.UsageLimitReachedEvent;
import com.planledger.domain.customer.UsageMetric;
import com.planledger.domain.customer.UsageRecordedEvent;
import com.planledger.domain.customer.UserRole;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a customer's events have established beyond its identity: the fold the {@link Customer} aggregate decides
 * on. Each event type changes it in exactly one place ({@link #apply}); the aggregate reads it and never writes it.
 * Jackson writes its fields into the aggregate's snapshot, flat beside the identity fields.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE, creatorVisibility = JsonAutoDetect.Visibility.NONE)
final class CustomerFacts {

    CompanyName companyName;
    EmailAddress email;

    SubscriptionTerms subscription;
    Instant periodStart;
    Instant periodEnd;
    Instant trialEndsAt;
    boolean inTrial;
    boolean pastDue;
    Instant graceEndsAt;
    int prepaidPeriods;
    SubscriptionTerms pendingMigration;
    String pendingMigrationJob;

    Map<BlockReason, Instant> blocks = new EnumMap<>(BlockReason.class);
    Map<String, User> users = new LinkedHashMap<>();
    Map<String, Integer> addOns = new TreeMap<>();
    Map<UsageMetric, Long> usage = new EnumMap<>(UsageMetric.class);
    Set<UsageMetric> limitsReached = new HashSet<>();
    Set<String> usageIds = new HashSet<>();
    Set<String> previousUsageIds = new HashSet<>();
    Set<String> paymentReferences = new HashSet<>();

    /** A team member. */
    record User(String userId, EmailAddress email, UserRole role) {
    }

    /** When the next time-based transition falls due: the period end, the grace end, or null (nothing to wait for). */
    Instant nextDue() {
        if (subscription == null) {
            return null;
        }
        if (!pastDue) {
            return periodEnd;
        }
        return blocks.containsKey(BlockReason.PAYMENT_OVERDUE) ? null : graceEndsAt;
    }

    /** The subscription the next payment pays for: a migration waiting for the renewal, else the current one. */
    SubscriptionTerms renewing() {
        return pendingMigration != null ? pendingMigration : subscription;
    }

    void requireSubscription() {
        if (subscription == null) {
            throw new DomainException(ErrorCode.NO_SUBSCRIPTION, "the customer has no plan");
        }
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

    boolean usageRecorded(String usageId) {
        return usageIds.contains(usageId) || previousUsageIds.contains(usageId);
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
            periodStart = e.periodStart();
            periodEnd = e.periodEnd();
            trialEndsAt = e.trialEndsAt();
            inTrial = e.trialEndsAt() != null;
            startUsagePeriod();
        } else if (event instanceof CustomerPlanChangedEvent e) {
            changeSubscription(e.subscription(), e.detachedAddOns());
        } else if (event instanceof SubscriptionMigrationScheduledEvent e) {
            pendingMigration = e.subscription();
            pendingMigrationJob = e.jobId();
        } else if (event instanceof SubscriptionMigratedEvent e) {
            changeSubscription(e.subscription(), e.detachedAddOns());
        } else if (event instanceof PaymentRecordedEvent e) {
            paymentReferences.add(e.reference());
            prepaidPeriods = e.prepaidPeriods();
        } else if (event instanceof SubscriptionRenewedEvent e) {
            periodStart = e.periodStart();
            periodEnd = e.periodEnd();
            prepaidPeriods = e.prepaidPeriods();
            inTrial = false;
            pastDue = false;
            graceEndsAt = null;
            previousUsageIds = usageIds;
            usageIds = new HashSet<>();
            startUsagePeriod();
        } else if (event instanceof CustomerPastDueEvent e) {
            pastDue = true;
            inTrial = false;
            graceEndsAt = e.graceEndsAt();
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
            usage.put(e.metric(), e.used());
            usageIds.add(e.usageId());
        } else if (event instanceof UsageLimitReachedEvent e) {
            limitsReached.add(e.metric());
        } else {
            throw new IllegalStateException("no fold for " + event.getClass().getName());
        }
    }

    private void changeSubscription(SubscriptionTerms next, Iterable<String> detachedAddOns) {
        subscription = next;
        detachedAddOns.forEach(addOns::remove);
        pendingMigration = null;
        pendingMigrationJob = null;
    }

    private void startUsagePeriod() {
        usage = new EnumMap<>(UsageMetric.class);
        limitsReached = new HashSet<>();
    }
}
