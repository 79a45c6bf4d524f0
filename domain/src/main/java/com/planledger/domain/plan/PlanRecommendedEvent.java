package com.planledger.domain.plan;

import org.axonframework.serialization.Revision;

/** The plan became the partner's recommended plan. */
@Revision("1")
public record PlanRecommendedEvent(String planId, String partnerId) implements PlanEvent {
}
