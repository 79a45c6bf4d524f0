package com.planledger.domain.plan;

import org.axonframework.modelling.command.TargetAggregateVersion;

/** Sets the status toggle to ACTIVE. */
public record ActivatePlanCommand(String partnerId, String planId, @TargetAggregateVersion Long expectedVersion)
        implements PlanCommand {
}
