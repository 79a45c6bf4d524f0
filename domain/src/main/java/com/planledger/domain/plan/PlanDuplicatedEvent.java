package com.planledger.domain.plan;

import org.axonframework.serialization.Revision;

/** A plan was created as a copy of another plan's latest terms: INACTIVE, PRIVATE, revision 1, remembering its source. */
@Revision("1")
public record PlanDuplicatedEvent(String planId, String partnerId, PlanType type, PlanName name, int revision, PlanTerms terms,
                                  String sourcePlanId, int sourceRevision) implements PlanEvent {
}
