package com.planledger.domain.customer;

import com.planledger.domain.plan.BillingCycle;

import org.axonframework.serialization.Revision;

/** The change scheduled for the period end was dropped (by request, or because the subscription was cancelled). */
@Revision("1")
public record ScheduledChangeRemovedEvent(String customerId, String partnerId, String planId, int planRevision,
                                          BillingCycle billingCycle) implements CustomerEvent {
}
