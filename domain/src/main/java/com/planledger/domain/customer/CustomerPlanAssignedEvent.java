package com.planledger.domain.customer;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * A subscription started: the customer's first plan, or a new subscription after a cancel. The first period is the
 * trial when the plan has trial days and the customer never had one; else a paid period from {@code anchor}, whose
 * invoice follows. Revision 1 had no anchor (null: the period start, unless in the trial).
 */
@Revision("2")
public record CustomerPlanAssignedEvent(String customerId, String partnerId, SubscriptionTerms subscription,
                                        Instant periodStart, Instant periodEnd, Instant trialEndsAt, Instant anchor)
        implements CustomerEvent {

    /** The anchor in force: the recorded one, or for revision 1 the period start of a paid first period. */
    public Instant anchorInForce() {
        return anchor != null ? anchor : trialEndsAt == null ? periodStart : null;
    }
}
