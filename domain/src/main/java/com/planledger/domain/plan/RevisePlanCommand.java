package com.planledger.domain.plan;

import org.axonframework.modelling.command.TargetAggregateVersion;

/** Revises a plan's terms (and possibly its name): a new revision listing the changed fields, or nothing when nothing changed. */
public record RevisePlanCommand(String partnerId, String planId, PlanName name, PlanTerms terms, @TargetAggregateVersion Long expectedVersion)
        implements PlanCommand {
}
