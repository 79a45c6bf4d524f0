package com.planledger.domain.customer;

import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * The customer moved from an older revision of its plan to a newer one (a migration job, now or at the renewal),
 * add-ons the new revision does not offer detached. Revision 1 recorded terms without integrations.
 */
@Revision("2")
public record SubscriptionMigratedEvent(String customerId, String partnerId, String jobId, int fromRevision,
                                        SubscriptionTerms subscription, List<String> detachedAddOns) implements CustomerEvent {
}
