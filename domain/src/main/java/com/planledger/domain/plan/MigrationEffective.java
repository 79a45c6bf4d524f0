package com.planledger.domain.plan;

/** When a subscriber migration to the latest revision takes effect for each customer. */
public enum MigrationEffective {
    NOW,
    NEXT_RENEWAL
}
