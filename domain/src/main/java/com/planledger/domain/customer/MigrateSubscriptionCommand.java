package com.planledger.domain.customer;

import com.planledger.domain.plan.MigrationEffective;
import com.planledger.domain.plan.PlanName;
import com.planledger.domain.plan.PlanTerms;

/** Moves the customer from an older revision of its plan to {@code toRevision}, now or at its next renewal. Does nothing when the customer is not on an older revision of that plan. */
public record MigrateSubscriptionCommand(String partnerId, String customerId, String planId, int toRevision, PlanName planName, PlanTerms terms,
                                         MigrationEffective effective, String jobId)
        implements CustomerCommand {
}
