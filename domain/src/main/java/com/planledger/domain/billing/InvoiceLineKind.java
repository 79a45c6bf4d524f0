package com.planledger.domain.billing;

/** What an invoice line charges or credits. */
public enum InvoiceLineKind {
    PLAN,
    ADD_ON,
    PRORATION_CREDIT,
    PRORATION_CHARGE
}
