package com.planledger.domain.customer;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * A new paid period started on its boundary (or the first one at the end of the trial, which sets the
 * {@code anchor}). Its invoice follows. Revision 1 carried the prepaid count and no anchor (null: the anchor
 * stays as it was).
 */
@Revision("2")
public record SubscriptionRenewedEvent(String customerId, String partnerId, Instant periodStart, Instant periodEnd,
                                       Instant anchor) implements CustomerEvent {
}
