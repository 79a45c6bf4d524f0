package com.planledger.domain.plan;

/**
 * Copies the latest terms of a plan (archived ones too) into a new plan {@code newPlanId} with a new unique name.
 * Routed to the source plan; the copy starts INACTIVE, PRIVATE, not recommended, revision 1.
 */
public record DuplicatePlanCommand(String partnerId, String planId, String newPlanId, PlanName name,
                                   String displayName) implements PlanCommand {
}
