package com.planledger.domain.customer;

import com.planledger.domain.billing.PaymentAllocation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * A payment was recorded: {@code allocations} settled open invoices, oldest first; what was left is credit, and
 * {@code creditAfter} is the account's credit after it. Revision 1 (the prepaid-period model) carried a count of
 * periods paid ahead instead; read as revision 2 it settled nothing and left the credit as it was
 * ({@code creditAfter} null).
 */
@Revision("2")
public record PaymentRecordedEvent(String customerId, String partnerId, BigDecimal amount, String currency,
                                   String reference, Instant at, List<PaymentAllocation> allocations,
                                   BigDecimal creditAfter) implements CustomerEvent {

    public PaymentRecordedEvent {
        allocations = allocations == null ? List.of() : List.copyOf(allocations);
    }
}
