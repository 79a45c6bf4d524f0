package com.planledger.domain.query;

/** The plans a customer can see: the pricing page plus its own current plan. */
public record VisiblePlansQuery(String partnerId, String customerId) {
}
