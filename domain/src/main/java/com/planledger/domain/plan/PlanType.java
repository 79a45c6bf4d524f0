package com.planledger.domain.plan;

/** How a plan is priced. Never changes after creation. */
public enum PlanType {
    /** Priced by predefined limits. */
    USAGE_BASED,
    /** Revenue is shared between the partner and the reseller; needs {@code revenueSharePercent}. */
    REVENUE_SHARING
}
