package com.planledger.domain.customer;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Records a payment of any amount above zero in the account's currency: it settles open invoices oldest first and
 * what is left stays as credit. A repeated reference with the same amount records nothing.
 */
public record RecordPaymentCommand(String partnerId, String customerId, BigDecimal amount, String currency,
                                   String reference, @TargetAggregateVersion Long expectedVersion)
        implements CustomerCommand {
}
