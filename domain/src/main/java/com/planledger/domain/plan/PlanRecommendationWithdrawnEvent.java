package com.planledger.domain.plan;

import org.axonframework.serialization.Revision;

/**
 * The plan is no longer the recommended one, and why; {@code replacedBy} names the plan that took the partner's
 * recommended slot when the reason is REPLACED ({@code null} otherwise, and in events written before revision 2).
 */
@Revision("2")
public record PlanRecommendationWithdrawnEvent(String planId, String partnerId, RecommendationWithdrawalReason reason,
                                               String replacedBy) implements PlanEvent {
}
