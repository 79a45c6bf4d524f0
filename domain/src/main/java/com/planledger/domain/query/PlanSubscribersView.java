package com.planledger.domain.query;

import com.planledger.domain.customer.CustomerState;
import com.planledger.domain.plan.BillingCycle;

import java.util.List;
import java.util.Map;

/** The customers on a plan: how many per revision, and a page of them. */
public record PlanSubscribersView(String planId, long total, Map<String, Long> byRevision, List<Subscriber> items,
                                  int page, int size) {

    public record Subscriber(String customerId, String companyName, CustomerState state, int planRevision,
                             BillingCycle billingCycle) {
    }
}
