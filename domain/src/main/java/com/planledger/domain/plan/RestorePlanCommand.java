package com.planledger.domain.plan;

import org.axonframework.modelling.command.TargetAggregateVersion;

/** Brings an archived plan back, INACTIVE and PRIVATE. */
public record RestorePlanCommand(String partnerId, String planId, @TargetAggregateVersion Long expectedVersion)
        implements PlanCommand {
}
