package com.planledger.domain.billing;

/** Why an invoice was issued. */
public enum InvoiceReason {
    /** The first paid period, at the first assignment without a trial (or a new subscription after a cancel). */
    SUBSCRIPTION_START,
    /** The first paid period at the end of the trial. */
    TRIAL_END,
    /** A new period on the period's boundary. */
    RENEWAL,
    /** A change of plan, revision or cycle in the middle of a period, prorated. */
    PLAN_CHANGE,
    /** An add-on attached, detached or its quantity changed in the middle of a period, prorated. */
    ADD_ON_CHANGE,
    /** A cancel effective at once with a prorated credit. */
    CANCEL
}
