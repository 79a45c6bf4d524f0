package com.planledger.domain.plan;

/** The status toggle: INACTIVE hides the plan from customers and stops new assignments. */
public enum PlanStatus {
    ACTIVE,
    INACTIVE
}
