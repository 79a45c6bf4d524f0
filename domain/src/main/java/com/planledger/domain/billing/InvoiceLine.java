package com.planledger.domain.billing;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One line of an invoice: {@code amount} is {@code quantity × unitAmount} for full periods and the prorated part
 * for proration lines (negative for a credit), at the currency's scale, in the tax mode of the invoice (tax
 * included when the invoice's tax is inclusive).
 */
public record InvoiceLine(InvoiceLineKind kind, String description, int quantity, BigDecimal unitAmount,
                          BigDecimal amount, Instant periodStart, Instant periodEnd) {
}
