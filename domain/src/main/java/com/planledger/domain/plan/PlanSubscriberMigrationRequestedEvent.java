package com.planledger.domain.plan;

import org.axonframework.serialization.Revision;

/** The partner asked to move every subscriber on an older revision to this latest revision, now or at each one's next renewal. */
@Revision("1")
public record PlanSubscriberMigrationRequestedEvent(String planId, String partnerId, String jobId, int toRevision, MigrationEffective effective,
                                                    PlanName name, PlanTerms terms) implements PlanEvent {
}
