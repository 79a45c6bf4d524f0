package com.planledger.domain.customer;

import com.planledger.domain.billing.Proration;
import com.planledger.domain.plan.BillingCycle;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * The customer moved to another plan, revision or cycle at {@code effectiveAt}. Add-ons the new terms do not offer
 * are detached in the same step. {@code periodStart}, {@code periodEnd} and {@code anchor} are the period after the
 * change (a new cycle prorated now starts a new period and anchor); a prorated change is followed by its invoice.
 * Revision 1 recorded no time, no proration and no period (null: the running period keeps its dates).
 */
@Revision("2")
public record CustomerPlanChangedEvent(String customerId, String partnerId, String previousPlanId,
                                       int previousPlanRevision, BillingCycle previousBillingCycle,
                                       SubscriptionTerms subscription, List<String> detachedAddOns,
                                       Instant effectiveAt, Proration proration, Instant periodStart,
                                       Instant periodEnd, Instant anchor) implements CustomerEvent {
}
