package com.planledger.domain.customer;

import org.axonframework.modelling.command.TargetAggregateVersion;

/** Detaches an add-on. */
public record DetachAddOnCommand(String partnerId, String customerId, String code, @TargetAggregateVersion Long expectedVersion)
        implements CustomerCommand {
}
