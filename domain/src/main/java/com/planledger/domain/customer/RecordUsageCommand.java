package com.planledger.domain.customer;


/** Reports usage of a metric; a repeated usageId records nothing. */
public record RecordUsageCommand(String partnerId, String customerId, UsageMetric metric, long quantity, String usageId)
        implements CustomerCommand {
}
