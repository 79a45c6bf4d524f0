package com.planledger.domain.customer;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** A block was placed: MANUAL (with a note) or PAYMENT_OVERDUE (grace ended unpaid). */
@Revision("1")
public record CustomerBlockedEvent(String customerId, String partnerId, BlockReason reason, String note, Instant at) implements CustomerEvent {
}
