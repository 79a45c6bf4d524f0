package com.planledger.domain.customer;

import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Reports usage of a metric: a {@code quantity} added to the usage month of a per-month metric, or the
 * {@code level} of a level metric. A repeated usageId with the same report records nothing.
 */
public record RecordUsageCommand(String partnerId, String customerId, UsageMetric metric, Long quantity, Long level,
                                 String usageId, @TargetAggregateVersion Long expectedVersion)
        implements CustomerCommand {

    /** A per-month report whatever the customer's version. */
    public RecordUsageCommand(String partnerId, String customerId, UsageMetric metric, long quantity,
                              String usageId) {
        this(partnerId, customerId, metric, quantity, null, usageId, null);
    }
}
