package com.planledger.domain.plan;

import org.axonframework.serialization.Revision;

/** The plan became PUBLIC or PRIVATE. */
@Revision("1")
public record PlanVisibilityChangedEvent(String planId, String partnerId, Visibility visibility) implements PlanEvent {
}
