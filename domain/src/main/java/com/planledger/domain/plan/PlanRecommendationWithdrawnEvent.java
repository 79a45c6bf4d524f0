package com.planledger.domain.plan;

import org.axonframework.serialization.Revision;

/** The plan is no longer the recommended one, and why. */
@Revision("1")
public record PlanRecommendationWithdrawnEvent(String planId, String partnerId, RecommendationWithdrawalReason reason) implements PlanEvent {
}
