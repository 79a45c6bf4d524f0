package com.planledger.domain.customer;

import java.util.List;

import org.axonframework.serialization.Revision;

/** The customer moved from an older revision of its plan to a newer one (a migration job), add-ons the new revision does not offer detached. */
@Revision("1")
public record SubscriptionMigratedEvent(String customerId, String partnerId, String jobId, int fromRevision,
                                        SubscriptionTerms subscription, List<String> detachedAddOns) implements CustomerEvent {
}
