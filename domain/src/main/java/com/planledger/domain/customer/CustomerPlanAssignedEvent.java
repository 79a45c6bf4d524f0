package com.planledger.domain.customer;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The customer's first plan: the revision's terms for the chosen cycle, and the first period (the trial, when the plan has trial days). */
@Revision("1")
public record CustomerPlanAssignedEvent(String customerId, String partnerId, SubscriptionTerms subscription, Instant periodStart,
                                        Instant periodEnd, Instant trialEndsAt) implements CustomerEvent {
}
