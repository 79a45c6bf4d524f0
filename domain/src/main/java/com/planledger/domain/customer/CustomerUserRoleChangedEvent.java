package com.planledger.domain.customer;

import org.axonframework.serialization.Revision;

/** A team member's role changed. */
@Revision("1")
public record CustomerUserRoleChangedEvent(String customerId, String partnerId, String userId, UserRole previousRole,
                                           UserRole role) implements CustomerEvent {
}
