package com.planledger.query.customers;

import com.planledger.domain.billing.PaymentAllocation;
import com.planledger.domain.customer.AddOnAttachedEvent;
import com.planledger.domain.customer.InvoiceIssuedEvent;
import com.planledger.domain.customer.PastDueSettledEvent;
import com.planledger.domain.customer.ScheduledChangeRemovedEvent;
import com.planledger.domain.customer.SubscriptionCancellationScheduledEvent;
import com.planledger.domain.customer.SubscriptionCancelledEvent;
import com.planledger.domain.customer.SubscriptionChangeScheduledEvent;
import com.planledger.domain.customer.SubscriptionReactivatedEvent;
import com.planledger.domain.customer.UsageLevelSetEvent;
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
import com.planledger.domain.customer.UsageRecordedEvent;
import com.planledger.domain.query.CustomerView;

import java.math.BigDecimal;
import java.time.Instant;

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
                        + sequence + " of customer " + event.key() + " arrived before its registration");
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
            record.ended = false;
            record.periodStart = e.periodStart();
            record.periodEnd = e.periodEnd();
            record.anchor = e.anchorInForce();
            record.trialEndsAt = e.trialEndsAt();
            record.inTrial = e.trialEndsAt() != null;
            record.cancelAt = null;
            record.accountCurrency = e.subscription().currency();
            record.usage.keySet().removeIf(metric -> !metric.isLevel());
        } else if (event instanceof CustomerPlanChangedEvent e) {
            record.subscription = e.subscription();
            e.detachedAddOns().forEach(record.addOns::remove);
            record.pending = null;
            record.scheduled = null;
            record.scheduledAt = null;
            if (e.periodStart() != null) {
                record.periodStart = e.periodStart();
                record.periodEnd = e.periodEnd();
            }
            if (e.anchor() != null) {
                record.anchor = e.anchor();
            }
        } else if (event instanceof SubscriptionMigrationScheduledEvent e) {
            record.pending = e.subscription();
        } else if (event instanceof SubscriptionMigratedEvent e) {
            record.subscription = e.subscription();
            e.detachedAddOns().forEach(record.addOns::remove);
            record.pending = null;
        } else if (event instanceof SubscriptionChangeScheduledEvent e) {
            record.scheduled = e.subscription();
            record.scheduledAt = e.effectiveAt();
        } else if (event instanceof ScheduledChangeRemovedEvent) {
            record.scheduled = null;
            record.scheduledAt = null;
        } else if (event instanceof SubscriptionRenewedEvent e) {
            record.periodStart = e.periodStart();
            record.periodEnd = e.periodEnd();
            if (e.anchor() != null) {
                record.anchor = e.anchor();
            } else if (record.anchor == null) {
                record.anchor = e.periodStart();
            }
            record.inTrial = false;
            if (e.anchor() == null && record.openInvoices.isEmpty()) {
                // a renewal of the prepaid-period model (revision 1): it was paid, nothing is past due
                record.pastDue = false;
                record.graceEndsAt = null;
            }
        } else if (event instanceof InvoiceIssuedEvent e) {
            record.accountCurrency = e.currency();
            record.credit = e.creditAfter();
            if (e.amountDue().signum() > 0) {
                record.openInvoices.put(e.number(), new CustomerRecord.OpenInvoice(e.amountDue(), e.dueAt()));
            }
        } else if (event instanceof PaymentRecordedEvent e) {
            for (PaymentAllocation allocation : e.allocations()) {
                record.openInvoices.computeIfPresent(allocation.number(), (number, open) -> {
                    BigDecimal left = open.amountDue().subtract(allocation.amount());
                    return left.signum() > 0 ? new CustomerRecord.OpenInvoice(left, open.dueAt()) : null;
                });
            }
            if (e.creditAfter() != null) {
                record.credit = e.creditAfter();
            }
        } else if (event instanceof CustomerPastDueEvent e) {
            record.pastDue = true;
            record.inTrial = record.inTrial && e.invoiceNumber() != null;
            record.graceEndsAt = e.graceEndsAt();
        } else if (event instanceof PastDueSettledEvent) {
            record.pastDue = false;
            record.graceEndsAt = null;
        } else if (event instanceof SubscriptionCancellationScheduledEvent e) {
            record.cancelAt = e.cancelAt();
        } else if (event instanceof SubscriptionReactivatedEvent) {
            record.cancelAt = null;
        } else if (event instanceof SubscriptionCancelledEvent) {
            record.ended = true;
            record.inTrial = false;
            record.cancelAt = null;
            record.pending = null;
            record.scheduled = null;
            record.scheduledAt = null;
            record.addOns.clear();
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
            if (!e.windowStart().equals(record.usageWindowStart)) {
                record.usage.keySet().removeIf(metric -> !metric.isLevel());
                record.usageWindowStart = e.windowStart();
                record.usageWindowEnd = e.windowEnd();
            }
            record.usage.put(e.metric(), e.used());
        } else if (event instanceof UsageLevelSetEvent e) {
            record.usage.put(e.metric(), e.level());
        } else if (!(event instanceof UsageLimitReachedEvent)) {
            throw new IllegalArgumentException("unknown customer event " + event.getClass().getName());
        }
        return record;
    }
}
