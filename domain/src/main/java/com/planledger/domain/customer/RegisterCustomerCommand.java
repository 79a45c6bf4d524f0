package com.planledger.domain.customer;

import com.planledger.domain.plan.BillingCycle;

/** Registers a customer account (no users), optionally assigning a plan and billing cycle at once. */
public record RegisterCustomerCommand(String partnerId, String customerId, CompanyName companyName, EmailAddress email, String planId,
                                      BillingCycle billingCycle)
        implements CustomerCommand {
}
