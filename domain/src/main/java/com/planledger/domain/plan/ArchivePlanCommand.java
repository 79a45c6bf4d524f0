package com.planledger.domain.plan;

import org.axonframework.modelling.command.TargetAggregateVersion;

/** Retires a plan: no new customers, no revise, activate or recommend. Customers on it keep it. */
public record ArchivePlanCommand(String partnerId, String planId, @TargetAggregateVersion Long expectedVersion)
        implements PlanCommand {
}
