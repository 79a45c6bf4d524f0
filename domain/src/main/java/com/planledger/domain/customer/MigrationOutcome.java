package com.planledger.domain.customer;

/** What a subscriber migration did for one customer. */
public enum MigrationOutcome {
    /** Moved to the target revision now. */
    MIGRATED,
    /** Will move at its next renewal. */
    SCHEDULED,
    /** Already on the target revision (or a later one), or already scheduled for it. */
    ALREADY_CURRENT,
    /** No longer on the plan. */
    NOT_ON_PLAN,
    /** The target revision does not offer the customer's billing cycle: the customer stays. */
    CYCLE_NOT_OFFERED
}
