package com.planledger.domain.query;

/**
 * A page of a partner's invoices, newest first; null filters match all. {@code status} OPEN or PAID,
 * {@code overdue} true: open past the due date.
 */
public record ListInvoicesQuery(String partnerId, String status, String customerId, Boolean overdue,
                                PageRequest page) {
}
