package com.planledger.domain.plan;

import org.axonframework.modelling.command.TargetAggregateVersion;

/** Sets the status toggle to INACTIVE; withdraws the recommendation if the plan had it. */
public record DeactivatePlanCommand(String partnerId, String planId, @TargetAggregateVersion Long expectedVersion)
        implements PlanCommand {
}
