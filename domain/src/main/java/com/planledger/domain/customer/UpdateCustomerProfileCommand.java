package com.planledger.domain.customer;

import org.axonframework.modelling.command.TargetAggregateVersion;

/** Changes company name and e-mail; records nothing when both stay the same. */
public record UpdateCustomerProfileCommand(String partnerId, String customerId, CompanyName companyName, EmailAddress email, @TargetAggregateVersion Long expectedVersion)
        implements CustomerCommand {
}
