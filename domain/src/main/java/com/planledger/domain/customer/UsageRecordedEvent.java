package com.planledger.domain.customer;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** Usage of a metric was reported; {@code used} is the total of the period after it. */
@Revision("1")
public record UsageRecordedEvent(String customerId, String partnerId, UsageMetric metric, long quantity, String usageId,
                                 Instant periodStart, long used) implements CustomerEvent {
}
