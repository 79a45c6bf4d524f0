package com.planledger.domain.customer;

import org.axonframework.modelling.command.TargetAggregateVersion;

/** Attaches an add-on the customer's plan revision offers, or changes its quantity. */
public record AttachAddOnCommand(String partnerId, String customerId, String code, int quantity, @TargetAggregateVersion Long expectedVersion)
        implements CustomerCommand {
}
