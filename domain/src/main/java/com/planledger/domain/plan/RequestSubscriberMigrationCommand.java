package com.planledger.domain.plan;

import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Asks to move every customer on an older revision of the plan to its latest revision, effective now or at each
 * customer's next renewal. The plan records the request; a command-side policy carries it out, one customer at a
 * time, reporting progress under {@code jobId}.
 */
public record RequestSubscriberMigrationCommand(String partnerId, String planId, String jobId,
                                                MigrationEffective effective,
                                                @TargetAggregateVersion Long expectedVersion) implements PlanCommand {

    /** A request whatever the plan's version. */
    public RequestSubscriberMigrationCommand(String partnerId, String planId, String jobId,
                                             MigrationEffective effective) {
        this(partnerId, planId, jobId, effective, null);
    }
}
