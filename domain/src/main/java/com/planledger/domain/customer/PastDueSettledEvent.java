package com.planledger.domain.customer;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** Every overdue invoice is settled: the customer is no longer past due (an overdue block is lifted beside it). */
@Revision("1")
public record PastDueSettledEvent(String customerId, String partnerId, Instant at) implements CustomerEvent {
}
