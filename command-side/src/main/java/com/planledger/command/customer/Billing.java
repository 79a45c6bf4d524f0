package com.planledger.command.customer;

import com.planledger.domain.DomainException;
import com.planledger.domain.ErrorCode;
import com.planledger.domain.billing.ChangeEffective;
import com.planledger.domain.billing.InvoiceLine;
import com.planledger.domain.billing.InvoiceLineKind;
import com.planledger.domain.billing.InvoiceReason;
import com.planledger.domain.billing.Money;
import com.planledger.domain.billing.PaymentAllocation;
import com.planledger.domain.billing.Periods;
import com.planledger.domain.billing.Proration;
import com.planledger.domain.customer.BlockReason;
import com.planledger.domain.customer.CustomerBlockedEvent;
import com.planledger.domain.customer.CustomerPastDueEvent;
import com.planledger.domain.customer.CustomerPlanAssignedEvent;
import com.planledger.domain.customer.CustomerPlanChangedEvent;
import com.planledger.domain.customer.CustomerUnblockedEvent;
import com.planledger.domain.customer.InvoiceIssuedEvent;
import com.planledger.domain.customer.PastDueSettledEvent;
import com.planledger.domain.customer.PaymentRecordedEvent;
import com.planledger.domain.customer.ScheduledChangeRemovedEvent;
import com.planledger.domain.customer.SubscriptionCancellationScheduledEvent;
import com.planledger.domain.customer.SubscriptionCancelledEvent;
import com.planledger.domain.customer.SubscriptionChangeScheduledEvent;
import com.planledger.domain.customer.SubscriptionMigratedEvent;
import com.planledger.domain.customer.SubscriptionReactivatedEvent;
import com.planledger.domain.customer.SubscriptionRenewedEvent;
import com.planledger.domain.customer.SubscriptionTerms;
import com.planledger.domain.money.Currencies;
import com.planledger.domain.plan.AddOnOffer;
import com.planledger.domain.plan.BillingCycle;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The billing decisions of one customer (BILLING.md): subscriptions that start, renew on the anchor's boundaries
 * and end; invoices and their numbers; payments settling invoices oldest first; past due, grace and the overdue
 * block; changes and cancels in the middle of a period, prorated. It reads the customer's {@link CustomerFacts}
 * and applies events; the events fold into the facts at once, so each step sees the one before.
 */
final class Billing {

    /** Transitions applied at most per command (a customer years behind catches up in steps). */
    static final int MAX_TRANSITIONS = 100;
    /** Days from an invoice's issue to its due date until partner settings configure payment terms. */
    static final int PAYMENT_TERMS_DAYS = 0;

    private final String customerId;
    private final String partnerId;
    private final CustomerFacts facts;

    Billing(String customerId, String partnerId, CustomerFacts facts) {
        this.customerId = customerId;
        this.partnerId = partnerId;
        this.facts = facts;
    }

    // ---------------------------------------------------------------- subscriptions

    /** A new subscription: a trial when the terms have trial days and the customer never had one, else a paid period. */
    void start(SubscriptionTerms terms, Instant now, InvoiceNumbers numbers) {
        requireCurrency(terms);
        if (terms.trialDays() > 0 && !facts.trialUsed) {
            Instant trialEnd = now.plus(Duration.ofDays(terms.trialDays()));
            apply(new CustomerPlanAssignedEvent(customerId, partnerId, terms, now, trialEnd, trialEnd, null));
        } else {
            Instant end = Periods.nextBoundary(now, terms.billingCycle(), now);
            apply(new CustomerPlanAssignedEvent(customerId, partnerId, terms, now, end, null, now));
            issue(InvoiceReason.SUBSCRIPTION_START, terms.periodLines(facts.addOns, now, end), terms, now, numbers);
        }
        catchUp(now, numbers);
    }

    /** A change of plan, revision or cycle of a running subscription, now or at the period end. */
    void change(SubscriptionTerms next, ChangeEffective effective, Proration proration, Instant now,
                InvoiceNumbers numbers) {
        requireCurrency(next);
        SubscriptionTerms current = facts.subscription;
        boolean same = sameTerms(current, next);
        if (effective == ChangeEffective.PERIOD_END) {
            if (same) {
                removeScheduledChange(false);
            } else if (facts.scheduledChange == null || !sameTerms(facts.scheduledChange, next)) {
                apply(new SubscriptionChangeScheduledEvent(customerId, partnerId, next, facts.boundary()));
            }
            return;
        }
        if (same) {
            return;
        }
        List<String> detached = next.notOffered(facts.addOns.keySet());
        Map<String, Integer> kept = new TreeMap<>(facts.addOns);
        detached.forEach(kept::remove);
        boolean newCycle = next.billingCycle() != current.billingCycle();
        if (facts.inTrial || proration == Proration.NONE) {
            // no money moves now; a new cycle starts its own anchor at the next renewal
            apply(changed(current, next, detached, now, Proration.NONE, null, null, null));
            return;
        }
        String currency = next.currency();
        List<InvoiceLine> lines = new ArrayList<>();
        BigDecimal unused = Money.prorate(current.periodAmount(facts.addOns), facts.periodStart, facts.periodEnd,
                now, currency).negate();
        lines.add(new InvoiceLine(InvoiceLineKind.PRORATION_CREDIT, "Unused time on " + describe(current), 1,
                unused, unused, now, facts.periodEnd));
        if (newCycle) {
            Instant end = Periods.nextBoundary(now, next.billingCycle(), now);
            apply(changed(current, next, detached, now, Proration.PRORATE, now, end, now));
            lines.addAll(next.periodLines(kept, now, end));
        } else {
            BigDecimal rest = Money.prorate(next.periodAmount(kept), facts.periodStart, facts.periodEnd, now,
                    currency);
            lines.add(new InvoiceLine(InvoiceLineKind.PRORATION_CHARGE, "Remaining time on " + describe(next), 1,
                    rest, rest, now, facts.periodEnd));
            apply(changed(current, next, detached, now, Proration.PRORATE, facts.periodStart, facts.periodEnd,
                    null));
        }
        issue(InvoiceReason.PLAN_CHANGE, lines, next, now, numbers);
        catchUp(now, numbers);
    }

    private CustomerPlanChangedEvent changed(SubscriptionTerms current, SubscriptionTerms next, List<String> detached,
                                             Instant at, Proration proration, Instant periodStart,
                                             Instant periodEnd, Instant anchor) {
        return new CustomerPlanChangedEvent(customerId, partnerId, current.planId(), current.planRevision(),
                current.billingCycle(), next, detached, at, proration, periodStart, periodEnd, anchor);
    }

    /**
     * The invoice of an add-on's quantity changing from {@code before} to {@code after} now: the remaining part of
     * the period, charged or credited. Nothing in the trial or when the prorated amount is zero.
     */
    void prorateAddOn(AddOnOffer offer, int before, int after, Instant now, InvoiceNumbers numbers) {
        SubscriptionTerms terms = facts.subscription;
        if (facts.inTrial || before == after) {
            return;
        }
        BigDecimal unit = offer.prices().get(terms.billingCycle());
        int delta = after - before;
        BigDecimal amount = Money.prorate(unit.multiply(BigDecimal.valueOf(Math.abs(delta))), facts.periodStart,
                facts.periodEnd, now, terms.currency());
        if (amount.signum() == 0) {
            return;
        }
        InvoiceLine line = delta > 0
                ? new InvoiceLine(InvoiceLineKind.PRORATION_CHARGE, offer.displayName() + " (" + offer.code()
                + ") for the remaining time", delta, unit, amount, now, facts.periodEnd)
                : new InvoiceLine(InvoiceLineKind.PRORATION_CREDIT, offer.displayName() + " (" + offer.code()
                + ") unused time", -delta, unit, amount.negate(), now, facts.periodEnd);
        issue(InvoiceReason.ADD_ON_CHANGE, List.of(line), terms, now, numbers);
        catchUp(now, numbers);
    }

    void removeScheduledChange(boolean required) {
        SubscriptionTerms scheduled = facts.scheduledChange;
        if (scheduled == null) {
            if (required) {
                throw new DomainException(ErrorCode.NO_SCHEDULED_CHANGE, "no change is scheduled for the period end");
            }
            return;
        }
        apply(new ScheduledChangeRemovedEvent(customerId, partnerId, scheduled.planId(), scheduled.planRevision(),
                scheduled.billingCycle()));
    }

    void cancel(ChangeEffective effective, Proration proration, String reason, Instant now, InvoiceNumbers numbers) {
        facts.requireSubscription();
        if (effective == ChangeEffective.PERIOD_END) {
            if (facts.cancelAt == null) {
                removeScheduledChange(false);
                apply(new SubscriptionCancellationScheduledEvent(customerId, partnerId, reason, facts.boundary()));
            }
            return;
        }
        removeScheduledChange(false);
        SubscriptionTerms terms = facts.subscription;
        if (!facts.inTrial && proration == Proration.PRORATE) {
            BigDecimal unused = Money.prorate(terms.periodAmount(facts.addOns), facts.periodStart, facts.periodEnd,
                    now, terms.currency()).negate();
            if (unused.signum() != 0) {
                issue(InvoiceReason.CANCEL, List.of(new InvoiceLine(InvoiceLineKind.PRORATION_CREDIT,
                        "Unused time on " + describe(terms), 1, unused, unused, now, facts.periodEnd)), terms, now,
                        numbers);
            }
        }
        apply(new SubscriptionCancelledEvent(customerId, partnerId, terms.planId(), terms.planRevision(),
                ChangeEffective.NOW, reason, now));
        catchUp(now, numbers);
    }

    void reactivate() {
        facts.requireSubscription();
        if (facts.cancelAt == null) {
            throw new DomainException(ErrorCode.NO_SCHEDULED_CANCEL, "no cancel is scheduled for the period end");
        }
        apply(new SubscriptionReactivatedEvent(customerId, partnerId, facts.cancelAt));
    }

    // ---------------------------------------------------------------- money

    /** A payment of any amount: settles open invoices oldest first, the rest is credit. */
    void pay(BigDecimal amount, String currency, String reference, Instant now, InvoiceNumbers numbers) {
        if (facts.accountCurrency == null) {
            throw new DomainException(ErrorCode.NO_SUBSCRIPTION, "the customer has no plan and no account yet");
        }
        if (!facts.accountCurrency.equals(currency)) {
            throw new DomainException(ErrorCode.PAYMENT_CURRENCY_MISMATCH, "currency",
                    "the customer's account is in " + facts.accountCurrency);
        }
        BigDecimal paid = Currencies.requireAmount(amount, currency, "amount");
        if (paid.signum() <= 0) {
            throw DomainException.invalid("amount", "must be more than zero");
        }
        BigDecimal first = facts.payments.get(reference);
        if (first != null) {
            if (first.compareTo(paid) == 0) {
                return; // the same payment again: recorded once
            }
            throw new DomainException(ErrorCode.PAYMENT_REFERENCE_CONFLICT, "reference", "the reference " + reference
                    + " was recorded for " + first.toPlainString() + " " + currency);
        }
        BigDecimal left = paid;
        List<PaymentAllocation> allocations = new ArrayList<>();
        for (Map.Entry<String, CustomerFacts.OpenInvoice> open : facts.openInvoices.entrySet()) {
            if (left.signum() == 0) {
                break;
            }
            BigDecimal part = left.min(open.getValue().amountDue());
            allocations.add(new PaymentAllocation(open.getKey(), part));
            left = left.subtract(part);
        }
        apply(new PaymentRecordedEvent(customerId, partnerId, paid, currency, reference, now, allocations,
                credit().add(left)));
        settleOverdue(now);
        catchUp(now, numbers);
    }

    /** Ends the past-due state (and lifts the overdue block) once nothing due by {@code now} is open. */
    private void settleOverdue(Instant now) {
        if ((facts.pastDue || facts.blockedFor(BlockReason.PAYMENT_OVERDUE)) && facts.oldestOverdue(now) == null) {
            if (facts.pastDue) {
                apply(new PastDueSettledEvent(customerId, partnerId, now));
            }
            if (facts.blockedFor(BlockReason.PAYMENT_OVERDUE)) {
                apply(new CustomerUnblockedEvent(customerId, partnerId, BlockReason.PAYMENT_OVERDUE, now));
            }
        }
    }

    private void issue(InvoiceReason reason, List<InvoiceLine> lines, SubscriptionTerms terms, Instant at,
                       InvoiceNumbers numbers) {
        String currency = terms.currency();
        Money.Totals totals = Money.totals(lines, terms.tax(), currency);
        BigDecimal zero = Money.zero(currency);
        BigDecimal credit = credit();
        BigDecimal asked = totals.total().max(zero);
        BigDecimal applied = credit.min(asked);
        BigDecimal creditAfter = credit.subtract(applied).add(totals.total().negate().max(zero));
        long sequence = numbers.next(partnerId);
        String prefix = InvoiceNumbers.DEFAULT_PREFIX;
        apply(new InvoiceIssuedEvent(customerId, partnerId, prefix + sequence, prefix, sequence, reason, currency,
                at, at.plus(Duration.ofDays(PAYMENT_TERMS_DAYS)), lines, totals.subtotal(), totals.tax(),
                totals.total(), applied, asked.subtract(applied), creditAfter));
    }

    private BigDecimal credit() {
        String currency = facts.accountCurrency;
        return facts.credit != null ? facts.credit : Money.zero(currency);
    }

    // ---------------------------------------------------------------- time

    /**
     * Applies, in time order, every transition due by {@code now}: the trial's end (first paid period), a period's
     * end (renewal on the then-current terms, or the end of a cancelled subscription), an invoice falling due (past
     * due, grace starts) and grace ending unpaid (overdue block). Each event carries the instant it fell due.
     * Answers when the next transition falls due.
     */
    Instant catchUp(Instant now, InvoiceNumbers numbers) {
        for (int step = 0; step < MAX_TRANSITIONS; step++) {
            Instant boundary = facts.subscribed() ? facts.boundary() : null;
            Map.Entry<String, CustomerFacts.OpenInvoice> overdue = facts.pastDue ? null : facts.oldestOverdue(now);
            Instant graceEnd = facts.pastDue && !facts.blockedFor(BlockReason.PAYMENT_OVERDUE)
                    ? facts.graceEndsAt : null;
            Instant money = overdue != null ? overdue.getValue().dueAt()
                    : graceEnd != null && !graceEnd.isAfter(now) ? graceEnd : null;
            if (money != null && (boundary == null || !money.isAfter(boundary))) {
                if (overdue != null) {
                    apply(new CustomerPastDueEvent(customerId, partnerId, overdue.getKey(), money,
                            money.plus(Duration.ofDays(facts.subscription.gracePeriodDays()))));
                } else {
                    apply(new CustomerBlockedEvent(customerId, partnerId, BlockReason.PAYMENT_OVERDUE, null, money));
                }
            } else if (boundary != null && !boundary.isAfter(now)) {
                endOfPeriod(boundary, numbers);
            } else {
                break;
            }
        }
        return facts.nextDue();
    }

    private void endOfPeriod(Instant boundary, InvoiceNumbers numbers) {
        if (facts.cancelAt != null && !facts.cancelAt.isAfter(boundary)) {
            SubscriptionTerms terms = facts.subscription;
            apply(new SubscriptionCancelledEvent(customerId, partnerId, terms.planId(), terms.planRevision(),
                    ChangeEffective.PERIOD_END, facts.cancelReason, boundary));
            return;
        }
        boolean trialEnds = facts.inTrial;
        SubscriptionTerms current = facts.subscription;
        if (facts.scheduledChange != null) {
            SubscriptionTerms next = facts.scheduledChange;
            apply(changed(current, next, next.notOffered(facts.addOns.keySet()), boundary, Proration.NONE, null,
                    null, null));
        } else if (facts.pendingMigration != null) {
            SubscriptionTerms pending = facts.pendingMigration;
            apply(new SubscriptionMigratedEvent(customerId, partnerId, facts.pendingMigrationJob,
                    current.planRevision(), pending, pending.notOffered(facts.addOns.keySet())));
        }
        SubscriptionTerms terms = facts.subscription;
        BillingCycle cycle = terms.billingCycle();
        Instant anchor = trialEnds || facts.anchor == null || facts.anchorCycle != cycle ? boundary : facts.anchor;
        Instant end = Periods.nextBoundary(anchor, cycle, boundary);
        apply(new SubscriptionRenewedEvent(customerId, partnerId, boundary, end, anchor));
        issue(trialEnds ? InvoiceReason.TRIAL_END : InvoiceReason.RENEWAL,
                terms.periodLines(facts.addOns, boundary, end), terms, boundary, numbers);
    }

    // ---------------------------------------------------------------- helpers

    /** Refuses terms in another currency than the account's while the account holds credit or open invoices. */
    private void requireCurrency(SubscriptionTerms terms) {
        String account = facts.accountCurrency;
        if (account != null && !account.equals(terms.currency())
                && (credit().signum() != 0 || !facts.openInvoices.isEmpty())) {
            throw new DomainException(ErrorCode.CURRENCY_MISMATCH, "planId", "the customer's account is in "
                    + account + " and holds credit or open invoices; the plan is priced in " + terms.currency());
        }
    }

    static boolean sameTerms(SubscriptionTerms a, SubscriptionTerms b) {
        return a.planId().equals(b.planId()) && a.planRevision() == b.planRevision()
                && a.billingCycle() == b.billingCycle();
    }

    private static String describe(SubscriptionTerms terms) {
        return terms.planName().value() + " revision " + terms.planRevision() + ", " + terms.billingCycle();
    }
}
