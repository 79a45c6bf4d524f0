package com.planledger.domain.customer;

import org.axonframework.modelling.command.TargetAggregateVersion;

/** Drops the change scheduled for the period end. */
public record RemoveScheduledChangeCommand(String partnerId, String customerId,
                                           @TargetAggregateVersion Long expectedVersion) implements CustomerCommand {
}
