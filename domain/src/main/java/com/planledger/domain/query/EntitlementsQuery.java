package com.planledger.domain.query;

/** What a customer may use now. Asked often by internal services: answered from one document by key. */
public record EntitlementsQuery(String partnerId, String customerId) {
}
