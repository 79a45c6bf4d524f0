package com.planledger.domain.plan;

import com.planledger.domain.audit.FieldChange;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Which fields a revise changes, at the granularity audit teams read: {@code prices.MONTHLY},
 * {@code limits.messages}, {@code tax.ratePercent}, {@code addOns.EXTRA}, ... The same function decides whether a
 * revise records anything at all and produces the before/after values of a plan's history.
 */
public final class PlanChanges {

    private PlanChanges() {
    }

    public static List<FieldChange> between(PlanName beforeName, PlanTerms before, PlanName afterName,
                                            PlanTerms after) {
        List<FieldChange> changes = new ArrayList<>();
        add(changes, "name", beforeName.value(), afterName.value());
        add(changes, "displayName", before.displayName(), after.displayName());
        add(changes, "currency", before.currency(), after.currency());
        for (BillingCycle cycle : BillingCycle.values()) {
            add(changes, "prices." + cycle, before.prices().get(cycle), after.prices().get(cycle));
        }
        add(changes, "tax.enabled", before.tax().enabled(), after.tax().enabled());
        add(changes, "tax.ratePercent", before.tax().ratePercent(), after.tax().ratePercent());
        add(changes, "tax.inclusive", before.tax().inclusive(), after.tax().inclusive());
        for (LimitKind kind : LimitKind.values()) {
            add(changes, "limits." + kind.key(), before.limits().get(kind), after.limits().get(kind));
        }
        add(changes, "trialDays", before.trialDays(), after.trialDays());
        add(changes, "gracePeriodDays", before.gracePeriodDays(), after.gracePeriodDays());
        add(changes, "integrations", before.integrations(), after.integrations());
        TreeSet<String> codes = new TreeSet<>();
        before.addOns().forEach(a -> codes.add(a.code()));
        after.addOns().forEach(a -> codes.add(a.code()));
        for (String code : codes) {
            add(changes, "addOns." + code, before.addOn(code), after.addOn(code));
        }
        add(changes, "revenueSharePercent", before.revenueSharePercent(), after.revenueSharePercent());
        return changes;
    }

    /** Just the names of the changed fields. */
    public static List<String> fieldsChanged(PlanName beforeName, PlanTerms before, PlanName afterName,
                                             PlanTerms after) {
        return between(beforeName, before, afterName, after).stream().map(FieldChange::field).toList();
    }

    private static void add(List<FieldChange> changes, String field, Object before, Object after) {
        if (!same(before, after)) {
            changes.add(new FieldChange(field, before, after));
        }
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof java.math.BigDecimal x && b instanceof java.math.BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }
}
