package com.planledger.domain.customer;

/**
 * The state a partner sees. CANCELLED once the subscription ended (until a new plan is assigned); otherwise
 * BLOCKED while any block stands; otherwise IN_GRACE while past due; otherwise TRIALING while in the trial;
 * otherwise ACTIVE (including a customer that has no plan yet).
 */
public enum CustomerState {
    ACTIVE,
    TRIALING,
    IN_GRACE,
    BLOCKED,
    CANCELLED
}
