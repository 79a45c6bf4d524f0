package com.planledger.query.dashboard;

import com.planledger.domain.customer.CustomerState;
import com.planledger.domain.customer.SubscriptionTerms;
import com.planledger.domain.money.Currencies;
import com.planledger.domain.plan.AddOnOffer;
import com.planledger.query.customers.CustomerRecord;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What one customer adds to its partner's dashboard: its state, users, plan, and monthly recurring revenue.
 * MRR counts paying customers (ACTIVE or IN_GRACE; not TRIALING, not BLOCKED) at the prices they actually pay (plan
 * price and add-ons, net of tax that is not included), normalised to a month: quarterly / 3, yearly / 12. It is
 * kept exact as an integer count of twelfths of the currency's minor unit.
 */
record Contribution(CustomerState state, int users, String planId, String currency, long mrrTwelfths) {

    static final Contribution NONE = new Contribution(null, 0, null, null, 0);

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
            if (state == CustomerState.ACTIVE || state == CustomerState.IN_GRACE) {
                twelfths = twelfthsPerMonth(terms, customer.addOns());
            }
        }
        return new Contribution(state, customer.users().size(), terms == null ? null : terms.planId(), currency,
                twelfths);
    }

    /** The period's net amount, as twelfths of minor units per month. */
    static long twelfthsPerMonth(SubscriptionTerms terms, Map<String, Integer> addOns) {
        BigDecimal amount = terms.price();
        for (Map.Entry<String, Integer> attached : addOns.entrySet()) {
            AddOnOffer offer = terms.addOn(attached.getKey());
            if (offer != null) {
                amount = amount.add(offer.prices().get(terms.billingCycle())
                        .multiply(BigDecimal.valueOf(attached.getValue())));
            }
        }
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
