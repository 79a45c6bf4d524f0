package com.planledger.command;

import com.planledger.domain.plan.AddOnOffer;
import com.planledger.domain.plan.BillingCycle;
import com.planledger.domain.plan.Limit;
import com.planledger.domain.plan.LimitKind;
import com.planledger.domain.plan.Limits;
import com.planledger.domain.plan.PlanName;
import com.planledger.domain.plan.PlanTerms;
import com.planledger.domain.plan.Tax;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Plan terms for tests: a realistic INR plan, and variations of it. */
public final class TestTerms {

    public static final PlanName GOLD = PlanName.of("gold");

    private TestTerms() {
    }

    public static PlanTerms gold() {
        return new PlanTerms("Gold", "INR",
                Map.of(BillingCycle.MONTHLY, new BigDecimal("499"), BillingCycle.YEARLY, new BigDecimal("4990")),
                new Tax(true, null, false),
                limits(5),
                14, 7, List.of("hubspot", "zapier"),
                List.of(extraMessages()),
                null);
    }

    public static Limits limits(long teamMembers) {
        return new Limits(Limit.of(10_000), Limit.of(1_000), Limit.of(teamMembers), Limit.of(2), Limit.of(5),
                Limit.unlimited());
    }

    public static AddOnOffer extraMessages() {
        return new AddOnOffer("EXTRA_MSGS", "5,000 extra messages",
                Map.of(BillingCycle.MONTHLY, new BigDecimal("99"), BillingCycle.YEARLY, new BigDecimal("990")),
                Map.of(LimitKind.MESSAGES, 5_000L));
    }

    public static AddOnOffer extraSeats() {
        return new AddOnOffer("EXTRA_SEATS", "2 extra seats",
                Map.of(BillingCycle.MONTHLY, new BigDecimal("49")),
                Map.of(LimitKind.TEAM_MEMBERS, 2L));
    }

    /** The same terms with another monthly price. */
    public static PlanTerms withMonthly(PlanTerms t, String monthly) {
        Map<BillingCycle, BigDecimal> prices = new java.util.TreeMap<>(t.prices());
        prices.put(BillingCycle.MONTHLY, new BigDecimal(monthly));
        return new PlanTerms(t.displayName(), t.currency(), prices, t.tax(), t.limits(), t.trialDays(),
                t.gracePeriodDays(), t.integrations(), t.addOns(), t.revenueSharePercent());
    }

    public static PlanTerms withLimits(PlanTerms t, Limits limits) {
        return new PlanTerms(t.displayName(), t.currency(), t.prices(), t.tax(), limits, t.trialDays(),
                t.gracePeriodDays(), t.integrations(), t.addOns(), t.revenueSharePercent());
    }

    public static PlanTerms withTrial(PlanTerms t, int trialDays, int graceDays) {
        return new PlanTerms(t.displayName(), t.currency(), t.prices(), t.tax(), t.limits(), trialDays, graceDays,
                t.integrations(), t.addOns(), t.revenueSharePercent());
    }

    public static PlanTerms withAddOns(PlanTerms t, List<AddOnOffer> addOns) {
        return new PlanTerms(t.displayName(), t.currency(), t.prices(), t.tax(), t.limits(), t.trialDays(),
                t.gracePeriodDays(), t.integrations(), addOns, t.revenueSharePercent());
    }

    public static PlanTerms withRevenueShare(PlanTerms t, String percent) {
        return new PlanTerms(t.displayName(), t.currency(), t.prices(), t.tax(), t.limits(), t.trialDays(),
                t.gracePeriodDays(), t.integrations(), t.addOns(), percent == null ? null : new BigDecimal(percent));
    }
}
