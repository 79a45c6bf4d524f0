package com.planledger.domain.customer;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** A block was lifted (MANUAL by the partner, PAYMENT_OVERDUE by a payment). Other blocks stay. */
@Revision("1")
public record CustomerUnblockedEvent(String customerId, String partnerId, BlockReason reason, Instant at) implements CustomerEvent {
}
