package com.planledger.domain.query;

/** One invoice of a partner by its number. */
public record FindInvoiceQuery(String partnerId, String number) {
}
