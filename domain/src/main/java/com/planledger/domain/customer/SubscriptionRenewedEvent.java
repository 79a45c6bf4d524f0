package com.planledger.domain.customer;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** A new paid period started (from a prepaid period at the end of the last one, or from a payment while past due). Usage counts start again. */
@Revision("1")
public record SubscriptionRenewedEvent(String customerId, String partnerId, Instant periodStart, Instant periodEnd,
                                       int prepaidPeriods) implements CustomerEvent {
}
