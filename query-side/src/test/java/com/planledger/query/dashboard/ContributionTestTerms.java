package com.planledger.query.dashboard;

import com.planledger.domain.customer.SubscriptionTerms;
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

/** Gold terms (499 monthly, 1350 quarterly, 4990 yearly, an EXTRA add-on) for the query side's tests. */
public final class ContributionTestTerms {

    private ContributionTestTerms() {
    }

    public static SubscriptionTerms gold(BillingCycle cycle, Tax tax) {
        PlanTerms plan = new PlanTerms("Gold", "INR", Map.of(BillingCycle.MONTHLY, new BigDecimal("499"),
                BillingCycle.QUARTERLY, new BigDecimal("1350"), BillingCycle.YEARLY, new BigDecimal("4990")), tax,
                new Limits(Limit.of(1), Limit.of(1), Limit.of(1), Limit.of(1), Limit.of(1), Limit.of(1)), 0, 0,
                List.of(), List.of(new AddOnOffer("EXTRA", "Extra", Map.of(BillingCycle.MONTHLY, new BigDecimal("99"),
                BillingCycle.QUARTERLY, new BigDecimal("270"), BillingCycle.YEARLY, new BigDecimal("990")),
                Map.of(LimitKind.MESSAGES, 1000L))), null);
        return SubscriptionTerms.of("gold", PlanName.of("gold"), 1, plan, cycle);
    }

}
