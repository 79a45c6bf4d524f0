package com.planledger.domain.customer;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Records a payment of the amount due; it renews the subscription (now when past due, else at the end of the running period). */
public record RecordPaymentCommand(String partnerId, String customerId, BigDecimal amount, String currency, String reference, @TargetAggregateVersion Long expectedVersion)
        implements CustomerCommand {
}
