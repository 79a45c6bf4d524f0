package com.planledger.domain.plan;

import org.axonframework.serialization.Revision;

/** A plan was created: ACTIVE, with its visibility, at revision 1. */
@Revision("1")
public record PlanCreatedEvent(String planId, String partnerId, PlanType type, PlanName name, Visibility visibility, int revision,
                               PlanTerms terms) implements PlanEvent {
}
