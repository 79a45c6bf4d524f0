package com.planledger.domain.plan;

import java.time.Instant;
import java.time.ZoneOffset;

/** A billing cycle: how long one paid period lasts. */
public enum BillingCycle {
    MONTHLY(1),
    QUARTERLY(3),
    YEARLY(12);

    private final int months;

    BillingCycle(int months) {
        this.months = months;
    }

    public int months() {
        return months;
    }

    /** The end of a period of this cycle that starts at {@code start} (calendar months, UTC). */
    public Instant periodEnd(Instant start) {
        return start.atOffset(ZoneOffset.UTC).plusMonths(months).toInstant();
    }
}
