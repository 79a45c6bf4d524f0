package com.planledger.domain.customer;

import org.axonframework.modelling.command.TargetAggregateVersion;

/** Reports usage of a metric; a repeated usageId records nothing. */
public record RecordUsageCommand(String partnerId, String customerId, UsageMetric metric, long quantity, String usageId,
                                 @TargetAggregateVersion Long expectedVersion)
        implements CustomerCommand {

    /** A report whatever the customer's version. */
    public RecordUsageCommand(String partnerId, String customerId, UsageMetric metric, long quantity,
                              String usageId) {
        this(partnerId, customerId, metric, quantity, usageId, null);
    }
}
