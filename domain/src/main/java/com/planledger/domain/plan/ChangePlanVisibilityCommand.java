package com.planledger.domain.plan;

import org.axonframework.modelling.command.TargetAggregateVersion;

/** Makes a plan PUBLIC or PRIVATE; hiding the recommended plan withdraws the recommendation. */
public record ChangePlanVisibilityCommand(String partnerId, String planId, Visibility visibility, @TargetAggregateVersion Long expectedVersion)
        implements PlanCommand {
}
