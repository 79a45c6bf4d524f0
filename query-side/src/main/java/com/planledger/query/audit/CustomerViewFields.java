package com.planledger.query.audit;

import com.planledger.domain.query.CustomerView;
import com.planledger.query.customers.CustomerRecord;

import java.util.Map;

/** The customer fields an audit compares before and after each event. */
final class CustomerViewFields {

    private CustomerViewFields() {
    }

    static void put(Map<String, Object> fields, CustomerRecord customer) {
        CustomerView view = customer.toView(customer.updatedAt());
        fields.put("companyName", view.companyName());
        fields.put("email", view.email());
        fields.put("state", view.state());
        CustomerView.Subscription s = view.subscription();
        fields.put("planId", s == null ? null : s.planId());
        fields.put("planRevision", s == null ? null : s.planRevision());
        fields.put("billingCycle", s == null ? null : s.billingCycle());
        fields.put("price", s == null ? null : s.price());
        fields.put("currency", s == null ? null : s.currency());
        fields.put("periodEnd", s == null ? null : s.periodEnd());
        fields.put("graceEndsAt", s == null ? null : s.graceEndsAt());
        fields.put("anchor", s == null ? null : s.anchor());
        fields.put("cancelAt", s == null ? null : s.cancelAt());
        fields.put("scheduledChange", s == null || s.scheduledChange() == null ? null
                : s.scheduledChange().planId() + " revision " + s.scheduledChange().planRevision() + ", "
                + s.scheduledChange().billingCycle());
        fields.put("pendingRevision", s == null ? null : s.pendingRevision());
        CustomerView.Account account = view.account();
        fields.put("balance", account == null ? null : account.balance());
        fields.put("openAmount", account == null ? null : account.openAmount());
        fields.put("blocks", view.blocks().stream().map(CustomerView.Block::reason).toList());
        fields.put("users", view.users());
        fields.put("addOns", view.addOns());
    }
}
