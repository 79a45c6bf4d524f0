package com.planledger.domain.customer;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * An invoice was still open at its due date: the grace period of the customer's revision runs until
 * {@code graceEndsAt}; service continues. Revision 1 named the end of the unpaid period {@code periodEnd} and no
 * invoice.
 */
@Revision("2")
public record CustomerPastDueEvent(String customerId, String partnerId, String invoiceNumber, Instant dueAt,
                                   Instant graceEndsAt) implements CustomerEvent {
}
