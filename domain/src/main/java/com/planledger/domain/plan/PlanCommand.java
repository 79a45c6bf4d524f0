package com.planledger.domain.plan;

import com.planledger.domain.Ids;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A command to one plan of one partner. */
public interface PlanCommand {

    String partnerId();

    String planId();

    /** The event-store aggregate identifier the command is routed by (scoped by partner and type). */
    @TargetAggregateIdentifier
    default String aggregateId() {
        return Ids.planAggregate(partnerId(), planId());
    }
}
