package com.planledger.domain.customer;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The period (or trial) ended unpaid: the grace period of the customer's revision runs until {@code graceEndsAt}; service continues. */
@Revision("1")
public record CustomerPastDueEvent(String customerId, String partnerId, Instant periodEnd, Instant graceEndsAt) implements CustomerEvent {
}
