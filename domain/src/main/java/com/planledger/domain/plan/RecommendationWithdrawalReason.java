package com.planledger.domain.plan;

/** Why a plan stopped being the recommended one. */
public enum RecommendationWithdrawalReason {
    /** The partner withdrew it explicitly. */
    WITHDRAWN,
    /** The partner recommended another plan. */
    REPLACED,
    /** The plan was deactivated. */
    DEACTIVATED,
    /** The plan was made PRIVATE. */
    HIDDEN,
    /** The plan was archived. */
    ARCHIVED
}
