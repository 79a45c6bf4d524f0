package com.planledger.domain.query;

import java.util.List;

/** What a partner's customers see on the pricing page. */
public record PricingPageView(String partnerId, String recommendedPlanId, List<PlanView> plans) {
}
