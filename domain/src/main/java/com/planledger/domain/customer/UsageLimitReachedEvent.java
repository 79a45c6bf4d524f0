package com.planledger.domain.customer;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** Usage of a metric reached its effective limit in this period (recorded once per period and metric). */
@Revision("1")
public record UsageLimitReachedEvent(String customerId, String partnerId, UsageMetric metric, long limit, long used,
                                     Instant periodStart) implements CustomerEvent {
}
