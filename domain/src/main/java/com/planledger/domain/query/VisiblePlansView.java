package com.planledger.domain.query;

import java.util.List;

/**
 * The plans a customer sees: the partner's pricing page, plus the customer's own plan flagged {@code current}
 * (listed even when archived, inactive or private).
 */
public record VisiblePlansView(String customerId, String currentPlanId, List<PlanView> plans) {
}
