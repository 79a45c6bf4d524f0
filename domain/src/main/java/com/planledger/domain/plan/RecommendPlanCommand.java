package com.planledger.domain.plan;

import org.axonframework.modelling.command.TargetAggregateVersion;

/** Makes an ACTIVE, PUBLIC, non-archived plan the partner's recommended plan. */
public record RecommendPlanCommand(String partnerId, String planId, @TargetAggregateVersion Long expectedVersion)
        implements PlanCommand {
}
