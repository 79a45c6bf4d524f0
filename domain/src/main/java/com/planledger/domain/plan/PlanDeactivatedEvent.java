package com.planledger.domain.plan;

import org.axonframework.serialization.Revision;

/** The status toggle was set to INACTIVE. */
@Revision("1")
public record PlanDeactivatedEvent(String planId, String partnerId) implements PlanEvent {
}
