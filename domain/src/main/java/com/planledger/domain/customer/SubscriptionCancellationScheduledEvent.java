package com.planledger.domain.customer;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** A cancel at the period end: service until {@code cancelAt}, then the subscription ends with no new invoice. */
@Revision("1")
public record SubscriptionCancellationScheduledEvent(String customerId, String partnerId, String reason,
                                                     Instant cancelAt) implements CustomerEvent {
}
