package com.planledger.domain.customer;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * Usage of a metric reached its effective limit: once per usage month and metric for per-month metrics
 * ({@code periodStart} is the window's start), once per crossing for level metrics ({@code periodStart} null).
 */
@Revision("1")
public record UsageLimitReachedEvent(String customerId, String partnerId, UsageMetric metric, long limit, long used,
                                     Instant periodStart) implements CustomerEvent {
}
