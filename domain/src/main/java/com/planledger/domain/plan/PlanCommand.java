package com.planledger.domain.plan;

import com.planledger.domain.Ids;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A command to one plan of one partner. */
public interface PlanCommand {

    String partnerId();

    String planId();

    /** The partner-scoped aggregate identifier the command is routed by. */
    @TargetAggregateIdentifier
    default String aggregateId() {
        return Ids.plan(partnerId(), planId());
    }
}
