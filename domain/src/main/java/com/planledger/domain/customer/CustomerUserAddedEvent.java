package com.planledger.domain.customer;

import org.axonframework.serialization.Revision;

/** A team member was added. */
@Revision("1")
public record CustomerUserAddedEvent(String customerId, String partnerId, String userId, EmailAddress email, UserRole role) implements CustomerEvent {
}
