package com.planledger.query.dashboard;

import com.planledger.domain.customer.CustomerState;
import com.planledger.domain.customer.SubscriptionTerms;
import com.planledger.domain.money.Currencies;
import com.planledger.domain.billing.Money;
import com.planledger.query.customers.CustomerRecord;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What one customer adds to its partner's dashboard: its state bucket (its state, or {@link #WITHOUT_PLAN} for an
 * ACTIVE customer with no plan), users, plan, and monthly recurring revenue. MRR counts subscriptions that are not
 * cancelled and not in their trial (ACTIVE, IN_GRACE, BLOCKED: they are invoiced) at the prices they hold (plan
 * price and add-ons), net of tax (an inclusive tax is taken out, per period at the currency's scale), normalised to
 * a month: quarterly / 3, yearly / 12. It is kept exact as an integer count of twelfths of the minor unit.
 */
record Contribution(String state, int users, String planId, String currency, long mrrTwelfths) {

    static final Contribution NONE = new Contribution(null, 0, null, null, 0);
    static final String WITHOUT_PLAN = "WITHOUT_PLAN";

    static Contribution of(CustomerRecord customer) {
        if (customer == null) {
            return NONE;
        }
        SubscriptionTerms terms = customer.subscription();
        CustomerState state = customer.state();
        long twelfths = 0;
        String currency = null;
        if (terms != null) {
            currency = terms.currency();
            if (state == CustomerState.ACTIVE || state == CustomerState.IN_GRACE || state == CustomerState.BLOCKED) {
                twelfths = twelfthsPerMonth(terms, customer.addOns());
            }
        }
        String bucket = state == CustomerState.ACTIVE && terms == null ? WITHOUT_PLAN : state.name();
        return new Contribution(bucket, customer.users().size(), terms == null ? null : terms.planId(), currency,
                twelfths);
    }

    /** The period's amount net of tax, as twelfths of minor units per month. */
    static long twelfthsPerMonth(SubscriptionTerms terms, Map<String, Integer> addOns) {
        BigDecimal amount = Money.netOfTax(terms.periodAmount(addOns), terms.tax(), terms.currency());
        long minor = amount.movePointRight(Currencies.scaleOf(terms.currency())).longValueExact();
        return minor * (12 / terms.billingCycle().months());
    }

    /** Twelfths of minor units as an amount, rounded half-even to the currency's scale. */
    static BigDecimal amount(long twelfths, String currency) {
        int scale = Currencies.scaleOf(currency);
        return BigDecimal.valueOf(twelfths).movePointLeft(scale)
                .divide(BigDecimal.valueOf(12), scale, java.math.RoundingMode.HALF_EVEN);
    }
}
