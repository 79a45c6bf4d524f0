package com.planledger.domain.plan;

import org.axonframework.serialization.Revision;

/** An archived plan was brought back, INACTIVE and PRIVATE. */
@Revision("1")
public record PlanRestoredEvent(String planId, String partnerId) implements PlanEvent {
}
