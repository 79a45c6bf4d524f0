package com.planledger.domain.query;

/** The customers on a plan, by revision. */
public record PlanSubscribersQuery(String partnerId, String planId, PageRequest page) {
}
