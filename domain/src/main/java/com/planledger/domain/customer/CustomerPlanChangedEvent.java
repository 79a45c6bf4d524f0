package com.planledger.domain.customer;

import com.planledger.domain.plan.BillingCycle;

import java.util.List;

import org.axonframework.serialization.Revision;

/** The customer moved to another plan (or to the latest revision of its plan, or another cycle). Add-ons the new terms do not offer are detached in the same step. The running period keeps its dates. */
@Revision("1")
public record CustomerPlanChangedEvent(String customerId, String partnerId, String previousPlanId, int previousPlanRevision,
                                       BillingCycle previousBillingCycle, SubscriptionTerms subscription,
                                       List<String> detachedAddOns) implements CustomerEvent {
}
