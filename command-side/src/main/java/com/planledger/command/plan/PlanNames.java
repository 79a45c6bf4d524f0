package com.planledger.command.plan;

import com.planledger.domain.DomainException;
import com.planledger.domain.ErrorCode;
import com.planledger.domain.plan.PlanName;

/**
 * The command side's view of which plan names a partner has used. Plan command handlers ask it for a fast, clear
 * refusal; the reservation itself is made atomically when the plan's event is stored (see
 * {@link com.planledger.command.lookup.PlanLookupHandlers}).
 */
public interface PlanNames {

    /** Whether {@code name} is taken by a plan of {@code partnerId} other than {@code planId}. */
    boolean isTakenByAnother(String partnerId, PlanName name, String planId);

    /** The refusal when a name is taken. */
    static DomainException taken(PlanName name) {
        return new DomainException(ErrorCode.PLAN_NAME_TAKEN, "name",
                "the name '" + name.value() + "' is already used by another plan of this partner "
                        + "(names of archived plans stay taken)");
    }
}
