package com.planledger.domain.customer;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The cancel scheduled for {@code cancelAt} was removed before it took effect: the subscription renews again. */
@Revision("1")
public record SubscriptionReactivatedEvent(String customerId, String partnerId, Instant cancelAt)
        implements CustomerEvent {
}
