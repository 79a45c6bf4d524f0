package com.planledger.domain.customer;

import com.planledger.domain.Ids;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A command to one customer of one partner. */
public interface CustomerCommand {

    String partnerId();

    String customerId();

    /** The event-store aggregate identifier the command is routed by (scoped by partner and type). */
    @TargetAggregateIdentifier
    default String aggregateId() {
        return Ids.customerAggregate(partnerId(), customerId());
    }
}
