package com.planledger.domain.customer;

import org.axonframework.modelling.command.TargetAggregateVersion;

/** Removes a cancel scheduled for the period end. */
public record ReactivateSubscriptionCommand(String partnerId, String customerId,
                                            @TargetAggregateVersion Long expectedVersion) implements CustomerCommand {
}
