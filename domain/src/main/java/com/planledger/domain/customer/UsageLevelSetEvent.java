package com.planledger.domain.customer;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** A level metric (contacts, workspaces) was reported at {@code level}; it may go down, and no period resets it. */
@Revision("1")
public record UsageLevelSetEvent(String customerId, String partnerId, UsageMetric metric, long level, long previous,
                                 String usageId, Instant at) implements CustomerEvent {
}
