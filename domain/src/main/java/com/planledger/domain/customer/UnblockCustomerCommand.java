package com.planledger.domain.customer;

import org.axonframework.modelling.command.TargetAggregateVersion;

/** Lifts the manual block; a PAYMENT_OVERDUE block stays in place. */
public record UnblockCustomerCommand(String partnerId, String customerId, @TargetAggregateVersion Long expectedVersion)
        implements CustomerCommand {
}
