package com.planledger.domain.plan;

/** Creates a plan: ACTIVE, with the given visibility (PUBLIC by default), revision 1. */
public record CreatePlanCommand(String partnerId, String planId, PlanType type, PlanName name,
                                Visibility visibility, PlanTerms terms) implements PlanCommand {
}
