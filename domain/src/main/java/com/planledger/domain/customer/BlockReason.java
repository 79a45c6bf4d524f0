package com.planledger.domain.customer;

/** Why a customer is blocked. Blocks are an overlay: a customer is blocked while any block stands. */
public enum BlockReason {
    /** Blocked by the partner, with a note. */
    MANUAL,
    /** Blocked automatically when the grace period ended unpaid; a payment lifts it. */
    PAYMENT_OVERDUE
}
