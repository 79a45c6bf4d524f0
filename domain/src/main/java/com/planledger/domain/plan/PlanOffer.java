package com.planledger.domain.plan;

/**
 * What the command side knows of a plan when a customer is assigned to it: its latest revision and whether it may
 * be assigned. Read from the plan's own events, never from a read model.
 */
public record PlanOffer(String planId, String partnerId, PlanName name, PlanType type, int revision,
                        PlanStatus status, boolean archived, PlanTerms terms) {

    /** ACTIVE and not archived; visibility does not matter. */
    public boolean assignable() {
        return status == PlanStatus.ACTIVE && !archived;
    }
}
