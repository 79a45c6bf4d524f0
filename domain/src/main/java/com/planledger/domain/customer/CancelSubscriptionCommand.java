package com.planledger.domain.customer;

import com.planledger.domain.billing.ChangeEffective;
import com.planledger.domain.billing.Proration;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Cancels the subscription at the period end (default) or now; a cancel now credits the unused part of the period
 * unless {@code proration} is {@code NONE}.
 */
public record CancelSubscriptionCommand(String partnerId, String customerId, ChangeEffective effective,
                                        Proration proration, String reason,
                                        @TargetAggregateVersion Long expectedVersion) implements CustomerCommand {

    public CancelSubscriptionCommand {
        effective = effective == null ? ChangeEffective.PERIOD_END : effective;
        proration = proration == null ? Proration.PRORATE : proration;
    }
}
