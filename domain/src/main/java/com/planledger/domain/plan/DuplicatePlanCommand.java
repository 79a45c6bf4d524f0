package com.planledger.domain.plan;

import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Copies the latest terms of a plan (archived ones too) into a new plan {@code newPlanId} with a new unique name.
 * Routed to the source plan; the copy starts INACTIVE, PRIVATE, not recommended, revision 1.
 */
public record DuplicatePlanCommand(String partnerId, String planId, String newPlanId, PlanName name,
                                   String displayName, @TargetAggregateVersion Long expectedVersion)
        implements PlanCommand {

    /** A duplicate of the source plan at whatever version it has. */
    public DuplicatePlanCommand(String partnerId, String planId, String newPlanId, PlanName name, String displayName) {
        this(partnerId, planId, newPlanId, name, displayName, null);
    }
}
