package com.planledger.domain.customer;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * Usage of a per-month metric was reported at {@code at}; {@code used} is the total of the usage month
 * {@code [windowStart, windowEnd)} after it. Revision 1 counted per billing period from {@code periodStart} (read
 * as the window start, with no window end and no time).
 */
@Revision("2")
public record UsageRecordedEvent(String customerId, String partnerId, UsageMetric metric, long quantity,
                                 String usageId, Instant windowStart, Instant windowEnd, long used, Instant at)
        implements CustomerEvent {
}
