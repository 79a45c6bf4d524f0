package com.planledger.domain.customer;

import org.axonframework.modelling.command.TargetAggregateVersion;

/** Blocks the customer manually; the note says why. Blocking twice records nothing new. */
public record BlockCustomerCommand(String partnerId, String customerId, String note, @TargetAggregateVersion Long expectedVersion)
        implements CustomerCommand {
}
