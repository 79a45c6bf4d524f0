package com.planledger.domain.customer;

import org.axonframework.serialization.Revision;

/**
 * A migration to a newer revision of the customer's plan will take effect at its next renewal. Revision 1
 * recorded terms without integrations.
 */
@Revision("2")
public record SubscriptionMigrationScheduledEvent(String customerId, String partnerId, String jobId, int fromRevision,
                                                  SubscriptionTerms subscription) implements CustomerEvent {
}
