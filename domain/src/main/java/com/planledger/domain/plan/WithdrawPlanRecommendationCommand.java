package com.planledger.domain.plan;

import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Withdraws the plan's recommendation, recording why; {@code replacedBy} names the plan that took the partner's
 * recommended slot when the reason is REPLACED.
 */
public record WithdrawPlanRecommendationCommand(String partnerId, String planId, RecommendationWithdrawalReason reason,
                                                String replacedBy, @TargetAggregateVersion Long expectedVersion)
        implements PlanCommand {

    /** A withdrawal asked for by the partner (reason WITHDRAWN). */
    public static WithdrawPlanRecommendationCommand byPartner(String partnerId, String planId, Long expectedVersion) {
        return new WithdrawPlanRecommendationCommand(partnerId, planId, RecommendationWithdrawalReason.WITHDRAWN,
                null, expectedVersion);
    }
}
