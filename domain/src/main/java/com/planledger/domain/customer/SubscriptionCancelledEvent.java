package com.planledger.domain.customer;

import com.planledger.domain.billing.ChangeEffective;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * The subscription ended at {@code at}: at once ({@code NOW}) or at the period end it was scheduled for. The
 * customer is CANCELLED: no plan, no service; open invoices stay due and the history stays.
 */
@Revision("1")
public record SubscriptionCancelledEvent(String customerId, String partnerId, String planId, int planRevision,
                                         ChangeEffective effective, String reason, Instant at)
        implements CustomerEvent {
}
