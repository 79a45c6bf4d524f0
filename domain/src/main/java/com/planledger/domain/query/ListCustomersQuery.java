package com.planledger.domain.query;

import com.planledger.domain.customer.CustomerState;

/**
 * A page of a partner's customers. {@code q} matches company name or e-mail, case-insensitive; null filters match
 * all. Sort fields: companyName, email, createdAt, updatedAt.
 */
public record ListCustomersQuery(String partnerId, String q, CustomerState state, String planId, PageRequest page) {
}
