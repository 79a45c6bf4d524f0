package com.planledger.domain.query;

import com.planledger.domain.billing.InvoiceLine;
import com.planledger.domain.billing.InvoiceReason;
import com.planledger.domain.billing.InvoiceTax;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An invoice as callers read it: number, customer, lines, subtotal, tax, total; {@code amountPaid} (by credit and
 * payments; {@code creditApplied} is the part the account's credit paid when it was issued) and {@code amountDue};
 * {@code status} OPEN until fully settled, then PAID; {@code overdue} while open past its due date.
 */
public record InvoiceView(String number, String partnerId, String customerId, String currency, Instant issuedAt,
                          Instant dueAt, String status, boolean overdue, InvoiceReason reason,
                          List<InvoiceLine> lines, BigDecimal subtotal, InvoiceTax tax, BigDecimal total,
                          BigDecimal creditApplied, BigDecimal amountPaid, BigDecimal amountDue,
                          long sequence) {

    public static final String OPEN = "OPEN";
    public static final String PAID = "PAID";
}
