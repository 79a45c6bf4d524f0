package com.planledger.command.customer;

import com.planledger.domain.DomainException;
import com.planledger.domain.ErrorCode;
import com.planledger.domain.plan.BillingCycle;
import com.planledger.domain.plan.PlanOffer;

import java.util.Optional;

/**
 * How the command side learns a plan's current state when a customer is assigned to it: from the plan's own events
 * (the {@code Plan} aggregate), never from a read model.
 */
public interface PlanCatalog {

    /** The plan {@code planId} of {@code partnerId} as it stands now, or empty when it does not exist. */
    Optional<PlanOffer> offer(String partnerId, String planId);

    /**
     * The plan a customer of {@code partnerId} may be put on: it exists for that partner, is ACTIVE and not
     * archived, and offers {@code cycle}; otherwise the domain error that says which rule it breaks.
     */
    default PlanOffer assignable(String partnerId, String planId, BillingCycle cycle) {
        if (cycle == null) {
            throw DomainException.invalid("billingCycle", "must be given with a plan");
        }
        PlanOffer offer = offer(partnerId, planId).orElseThrow(() ->
                new DomainException(ErrorCode.PLAN_NOT_FOUND, "planId", "no plan " + planId));
        if (offer.archived()) {
            throw new DomainException(ErrorCode.PLAN_ARCHIVED, "planId",
                    "plan " + planId + " is archived and can no longer be assigned");
        }
        if (!offer.assignable()) {
            throw new DomainException(ErrorCode.PLAN_INACTIVE, "planId",
                    "plan " + planId + " is INACTIVE and cannot be assigned");
        }
        if (!offer.terms().prices().containsKey(cycle)) {
            throw new DomainException(ErrorCode.BILLING_CYCLE_NOT_OFFERED, "billingCycle",
                    "plan " + planId + " does not offer the " + cycle + " billing cycle; it offers "
                            + offer.terms().prices().keySet());
        }
        return offer;
    }
}
