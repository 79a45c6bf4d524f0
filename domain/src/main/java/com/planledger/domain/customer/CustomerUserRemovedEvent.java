package com.planledger.domain.customer;

import org.axonframework.serialization.Revision;

/** A team member was removed. */
@Revision("1")
public record CustomerUserRemovedEvent(String customerId, String partnerId, String userId) implements CustomerEvent {
}
