package com.planledger.domain.billing;

/** When a change of plan, revision, cycle or a cancel takes effect. */
public enum ChangeEffective {
    NOW,
    PERIOD_END
}
