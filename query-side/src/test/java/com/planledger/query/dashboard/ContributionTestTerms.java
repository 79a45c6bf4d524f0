package com.planledger.query.dashboard;

import com.planledger.domain.customer.SubscriptionTerms;
import com.planledger.domain.plan.BillingCycle;
import com.planledger.domain.plan.Tax;

/** Gold terms (499 monthly, 1350 quarterly, 4990 yearly, an EXTRA add-on) for the query side's tests. */
public final class ContributionTestTerms {

    private ContributionTestTerms() {
    }

    public static SubscriptionTerms gold(BillingCycle cycle, Tax tax) {
        return ContributionTest.terms(cycle, tax);
    }
}
