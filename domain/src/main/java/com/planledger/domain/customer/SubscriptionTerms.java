package com.planledger.domain.customer;

import com.planledger.domain.DomainException;
import com.planledger.domain.ErrorCode;
import com.planledger.domain.plan.AddOnOffer;
import com.planledger.domain.plan.BillingCycle;
import com.planledger.domain.plan.LimitKind;
import com.planledger.domain.plan.Limits;
import com.planledger.domain.plan.PlanName;
import com.planledger.domain.plan.PlanTerms;
import com.planledger.domain.plan.Tax;

import com.planledger.domain.billing.InvoiceLine;
import com.planledger.domain.billing.InvoiceLineKind;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.TreeMap;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The terms a customer holds: one plan revision, for one billing cycle, with the price in force when it was
 * assigned, and the integrations it allows. Grandfathering means these stay as they are until the customer is
 * explicitly moved. Terms recorded before they carried integrations read with none.
 */
public record SubscriptionTerms(String planId,
                                PlanName planName,
                                int planRevision,
                                BillingCycle billingCycle,
                                BigDecimal price,
                                String currency,
                                Tax tax,
                                Limits limits,
                                int trialDays,
                                int gracePeriodDays,
                                List<AddOnOffer> addOnOffers,
                                List<String> integrations) {

    public SubscriptionTerms {
        addOnOffers = addOnOffers == null ? List.of() : List.copyOf(addOnOffers);
        integrations = integrations == null ? List.of() : List.copyOf(integrations);
    }

    /** The terms of {@code revision} of a plan for {@code cycle}; refuses a cycle the revision does not offer. */
    public static SubscriptionTerms of(String planId, PlanName planName, int revision, PlanTerms terms,
                                       BillingCycle cycle) {
        if (cycle == null) {
            throw DomainException.invalid("billingCycle", "must be given with a plan");
        }
        BigDecimal price = terms.prices().get(cycle);
        if (price == null) {
            throw new DomainException(ErrorCode.BILLING_CYCLE_NOT_OFFERED, "billingCycle",
                    "plan " + planId + " does not offer the " + cycle + " billing cycle; it offers "
                            + terms.prices().keySet());
        }
        List<AddOnOffer> offers = terms.addOns().stream().filter(a -> a.prices().containsKey(cycle)).toList();
        return new SubscriptionTerms(planId, planName, revision, cycle, price, terms.currency(), terms.tax(),
                terms.limits(), terms.trialDays(), terms.gracePeriodDays(), offers, terms.integrations());
    }

    /** What the customer pays per period without add-ons: the price, plus tax when enabled and not included. */
    public BigDecimal amountDue() {
        return amountDue(Map.of());
    }

    /**
     * What the customer pays per period: the price plus each attached add-on's price times its quantity, plus tax
     * when enabled and not included.
     */
    public BigDecimal amountDue(Map<String, Integer> addOnQuantities) {
        return tax.gross(periodAmount(addOnQuantities));
    }

    /** The period's amount before tax is added: the price plus each attached add-on's price times its quantity. */
    public BigDecimal periodAmount(Map<String, Integer> addOnQuantities) {
        return periodLines(addOnQuantities, null, null).stream().map(InvoiceLine::amount)
                .reduce(BigDecimal.ZERO.setScale(price.scale()), BigDecimal::add);
    }

    /** The invoice lines of one full period {@code [start, end)}: the plan, then each attached add-on. */
    public List<InvoiceLine> periodLines(Map<String, Integer> addOnQuantities, Instant start, Instant end) {
        List<InvoiceLine> lines = new ArrayList<>();
        lines.add(new InvoiceLine(InvoiceLineKind.PLAN, planName.value() + " revision " + planRevision + ", "
                + billingCycle, 1, price, price, start, end));
        new TreeMap<>(addOnQuantities).forEach((code, quantity) -> {
            AddOnOffer offer = addOn(code);
            if (offer != null) {
                BigDecimal unit = offer.prices().get(billingCycle);
                lines.add(new InvoiceLine(InvoiceLineKind.ADD_ON, offer.displayName() + " (" + code + ")", quantity,
                        unit, unit.multiply(BigDecimal.valueOf(quantity)), start, end));
            }
        });
        return lines;
    }

    /** The add-on codes of {@code attached} these terms do not offer (to be detached when moving to them). */
    public java.util.List<String> notOffered(java.util.Collection<String> attached) {
        return attached.stream().filter(code -> addOn(code) == null).sorted().toList();
    }

    /** The add-on offered under {@code code} for this cycle, or {@code null}. */
    public AddOnOffer addOn(String code) {
        return addOnOffers.stream().filter(a -> a.code().equals(code)).findFirst().orElse(null);
    }

    /** The add-on offered under {@code code} for this cycle, or ADD_ON_NOT_OFFERED. */
    public AddOnOffer requireAddOn(String code) {
        AddOnOffer offer = addOn(code);
        if (offer == null) {
            throw new DomainException(ErrorCode.ADD_ON_NOT_OFFERED, "code", "revision " + planRevision + " of plan "
                    + planId + " does not offer the add-on " + code + " for the " + billingCycle + " cycle");
        }
        return offer;
    }

    /** The revision's limits raised by the given add-on quantities. */
    public Limits effectiveLimits(Map<String, Integer> addOnQuantities) {
        Map<LimitKind, Long> increments = new EnumMap<>(LimitKind.class);
        addOnQuantities.forEach((code, quantity) -> {
            AddOnOffer offer = addOn(code);
            if (offer != null) {
                offer.grants().forEach((kind, grant) -> increments.merge(kind, grant * quantity, Long::sum));
            }
        });
        return limits.plus(increments);
    }
}
