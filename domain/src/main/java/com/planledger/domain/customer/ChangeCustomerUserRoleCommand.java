package com.planledger.domain.customer;

import org.axonframework.modelling.command.TargetAggregateVersion;

/** Changes a team member's role. */
public record ChangeCustomerUserRoleCommand(String partnerId, String customerId, String userId, UserRole role, @TargetAggregateVersion Long expectedVersion)
        implements CustomerCommand {
}
