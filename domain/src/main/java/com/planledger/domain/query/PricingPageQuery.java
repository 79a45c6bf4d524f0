package com.planledger.domain.query;

/** The partner's pricing page: ACTIVE, PUBLIC, non-archived plans, the recommended one first. */
public record PricingPageQuery(String partnerId) {
}
