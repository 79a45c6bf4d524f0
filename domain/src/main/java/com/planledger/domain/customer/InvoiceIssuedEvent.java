package com.planledger.domain.customer;

import com.planledger.domain.billing.InvoiceLine;
import com.planledger.domain.billing.InvoiceReason;
import com.planledger.domain.billing.InvoiceTax;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * An invoice was issued to the customer: its number ({@code prefix} and the partner's gapless {@code sequence}),
 * lines, subtotal, tax and total. {@code creditApplied} of the account's credit paid it at once (a negative total
 * adds to the credit instead); {@code amountDue} is what it still asks, {@code creditAfter} the credit left.
 */
@Revision("1")
public record InvoiceIssuedEvent(String customerId, String partnerId, String number, String prefix, long sequence,
                                 InvoiceReason reason, String currency, Instant issuedAt, Instant dueAt,
                                 List<InvoiceLine> lines, BigDecimal subtotal, InvoiceTax tax, BigDecimal total,
                                 BigDecimal creditApplied, BigDecimal amountDue, BigDecimal creditAfter)
        implements CustomerEvent {

    public InvoiceIssuedEvent {
        lines = List.copyOf(lines);
    }
}
