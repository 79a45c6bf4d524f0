package com.planledger.query.customers;

import com.planledger.domain.customer.AddOnAttachedEvent;
import com.planledger.domain.customer.AddOnDetachedEvent;
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
import com.planledger.domain.customer.PaymentRecordedEvent;
import com.planledger.domain.customer.SubscriptionMigratedEvent;
import com.planledger.domain.customer.SubscriptionMigrationScheduledEvent;
import com.planledger.domain.customer.SubscriptionRenewedEvent;
import com.planledger.domain.customer.UsageLimitReachedEvent;
import com.planledger.domain.customer.UsageMetric;
import com.planledger.domain.customer.UsageRecordedEvent;
import com.planledger.domain.query.CustomerView;

import java.time.Instant;
import java.util.EnumMap;

/** Folds one customer event into a {@link CustomerRecord}: the one place the read side interprets them. */
public final class CustomerRecordFold {

    private CustomerRecordFold() {
    }

    /**
     * @param record   the state before, folded in place (null before the registration)
     * @param sequence the event's aggregate sequence number: the customer's version after it
     * @param at       when the event was stored
     * @param actor    who caused it (from the event's metadata)
     */
    public static CustomerRecord apply(CustomerRecord record, CustomerEvent event, long sequence, Instant at,
                                       String actor) {
        if (record == null) {
            if (!(event instanceof CustomerRegisteredEvent)) {
                throw new IllegalStateException("event " + event.getClass().getSimpleName() + " at sequence "
                        + sequence + " of customer " + event.aggregateId() + " arrived before its registration");
            }
            record = new CustomerRecord();
            record.createdAt = at;
        }
        record.version = sequence;
        record.updatedAt = at;
        if (event instanceof CustomerRegisteredEvent e) {
            record.customerId = e.customerId();
            record.partnerId = e.partnerId();
            record.companyName = e.companyName().value();
            record.email = e.email().value();
        } else if (event instanceof CustomerProfileUpdatedEvent e) {
            record.companyName = e.companyName().value();
            record.email = e.email().value();
        } else if (event instanceof CustomerPlanAssignedEvent e) {
            record.subscription = e.subscription();
            record.periodStart = e.periodStart();
            record.periodEnd = e.periodEnd();
            record.trialEndsAt = e.trialEndsAt();
            record.inTrial = e.trialEndsAt() != null;
            record.usage = new EnumMap<>(UsageMetric.class);
        } else if (event instanceof CustomerPlanChangedEvent e) {
            record.subscription = e.subscription();
            e.detachedAddOns().forEach(record.addOns::remove);
            record.pending = null;
        } else if (event instanceof SubscriptionMigrationScheduledEvent e) {
            record.pending = e.subscription();
        } else if (event instanceof SubscriptionMigratedEvent e) {
            record.subscription = e.subscription();
            e.detachedAddOns().forEach(record.addOns::remove);
            record.pending = null;
        } else if (event instanceof PaymentRecordedEvent e) {
            record.prepaidPeriods = e.prepaidPeriods();
        } else if (event instanceof SubscriptionRenewedEvent e) {
            record.periodStart = e.periodStart();
            record.periodEnd = e.periodEnd();
            record.prepaidPeriods = e.prepaidPeriods();
            record.inTrial = false;
            record.pastDue = false;
            record.graceEndsAt = null;
            record.usage = new EnumMap<>(UsageMetric.class);
        } else if (event instanceof CustomerPastDueEvent e) {
            record.pastDue = true;
            record.inTrial = false;
            record.graceEndsAt = e.graceEndsAt();
        } else if (event instanceof CustomerBlockedEvent e) {
            record.blocks.removeIf(b -> b.reason() == e.reason());
            record.blocks.add(new CustomerView.Block(e.reason(), e.note(), actor, e.at()));
        } else if (event instanceof CustomerUnblockedEvent e) {
            record.blocks.removeIf(b -> b.reason() == e.reason());
        } else if (event instanceof CustomerUserAddedEvent e) {
            record.users.add(new CustomerView.User(e.userId(), e.email().value(), e.role()));
        } else if (event instanceof CustomerUserRoleChangedEvent e) {
            record.users.replaceAll(u -> u.userId().equals(e.userId())
                    ? new CustomerView.User(u.userId(), u.email(), e.role()) : u);
        } else if (event instanceof CustomerUserRemovedEvent e) {
            record.users.removeIf(u -> u.userId().equals(e.userId()));
        } else if (event instanceof AddOnAttachedEvent e) {
            record.addOns.put(e.code(), e.quantity());
        } else if (event instanceof AddOnDetachedEvent e) {
            record.addOns.remove(e.code());
        } else if (event instanceof UsageRecordedEvent e) {
            record.usage.put(e.metric(), e.used());
        } else if (!(event instanceof UsageLimitReachedEvent)) {
            throw new IllegalArgumentException("unknown customer event " + event.getClass().getName());
        }
        return record;
    }
}
