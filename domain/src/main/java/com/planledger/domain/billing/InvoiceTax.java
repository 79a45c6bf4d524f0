package com.planledger.domain.billing;

import java.math.BigDecimal;

/** The GST of an invoice: the rate, whether it is inside the line amounts, and the amount at the currency's scale. */
public record InvoiceTax(BigDecimal ratePercent, boolean inclusive, BigDecimal amount) {
}
