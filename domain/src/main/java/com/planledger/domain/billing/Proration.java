package com.planledger.domain.billing;

/** Whether a change in the middle of a period moves money now (a prorated credit and charge) or not. */
public enum Proration {
    PRORATE,
    NONE
}
