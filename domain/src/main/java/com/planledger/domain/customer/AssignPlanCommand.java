package com.planledger.domain.customer;

import com.planledger.domain.billing.ChangeEffective;
import com.planledger.domain.billing.Proration;
import com.planledger.domain.plan.BillingCycle;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Assigns a plan (a new subscription) or changes the customer's plan, revision or cycle: only an assignable plan
 * of the same partner offering the cycle. A change takes effect {@code NOW} (default) or at the {@code PERIOD_END};
 * a change now is prorated unless {@code proration} is {@code NONE}.
 */
public record AssignPlanCommand(String partnerId, String customerId, String planId, BillingCycle billingCycle,
                                ChangeEffective effective, Proration proration,
                                @TargetAggregateVersion Long expectedVersion) implements CustomerCommand {

    public AssignPlanCommand {
        effective = effective == null ? ChangeEffective.NOW : effective;
        proration = proration == null ? Proration.PRORATE : proration;
    }

    /** A change effective now, prorated. */
    public AssignPlanCommand(String partnerId, String customerId, String planId, BillingCycle billingCycle,
                             Long expectedVersion) {
        this(partnerId, customerId, planId, billingCycle, null, null, expectedVersion);
    }
}
