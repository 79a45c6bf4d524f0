package com.planledger.domain.customer;

import org.axonframework.modelling.command.TargetAggregateVersion;

/** Adds a team member, within the teamMembers limit of the plan revision plus add-ons. */
public record AddCustomerUserCommand(String partnerId, String customerId, String userId, EmailAddress email, UserRole role, @TargetAggregateVersion Long expectedVersion)
        implements CustomerCommand {
}
