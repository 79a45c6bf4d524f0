package com.planledger.domain.plan;

import org.axonframework.serialization.Revision;

/** The status toggle was set to ACTIVE. */
@Revision("1")
public record PlanActivatedEvent(String planId, String partnerId) implements PlanEvent {
}
