package com.planledger.command.customer;

import com.planledger.domain.plan.PlanOffer;

import java.util.Optional;

/**
 * How the command side learns a plan's current state when a customer is assigned to it: from the plan's own events
 * (the {@code Plan} aggregate), never from a read model.
 */
public interface PlanCatalog {

    /** The plan {@code planId} of {@code partnerId} as it stands now, or empty when it does not exist. */
    Optional<PlanOffer> offer(String partnerId, String planId);
}
