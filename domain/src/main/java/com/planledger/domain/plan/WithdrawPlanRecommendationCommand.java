package com.planledger.domain.plan;

import org.axonframework.modelling.command.TargetAggregateVersion;

/** Withdraws the plan's recommendation, recording why. */
public record WithdrawPlanRecommendationCommand(String partnerId, String planId, RecommendationWithdrawalReason reason, @TargetAggregateVersion Long expectedVersion)
        implements PlanCommand {
}
