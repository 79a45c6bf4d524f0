package com.planledger.domain.customer;

import org.axonframework.modelling.command.TargetAggregateVersion;

/** Removes a team member. */
public record RemoveCustomerUserCommand(String partnerId, String customerId, String userId, @TargetAggregateVersion Long expectedVersion)
        implements CustomerCommand {
}
