package com.planledger.domain.customer;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * A change of plan, revision or cycle was scheduled for the end of the running period ({@code effectiveAt}); it
 * replaces any change scheduled before. Applied at renewal, with the add-ons the new terms lack detached.
 */
@Revision("1")
public record SubscriptionChangeScheduledEvent(String customerId, String partnerId, SubscriptionTerms subscription,
                                               Instant effectiveAt) implements CustomerEvent {
}
