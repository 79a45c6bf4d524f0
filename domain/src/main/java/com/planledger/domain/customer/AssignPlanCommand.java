package com.planledger.domain.customer;

import com.planledger.domain.plan.BillingCycle;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Assigns a plan (first time) or changes the customer's plan; only an assignable plan of the same partner offering the cycle. */
public record AssignPlanCommand(String partnerId, String customerId, String planId, BillingCycle billingCycle, @TargetAggregateVersion Long expectedVersion)
        implements CustomerCommand {
}
