package com.planledger.domain.customer;

import java.math.BigDecimal;
import java.time.Instant;

import org.axonframework.serialization.Revision;

/** A payment was recorded. {@code prepaidPeriods} counts the periods paid ahead after it. */
@Revision("1")
public record PaymentRecordedEvent(String customerId, String partnerId, BigDecimal amount, String currency, String reference,
                                   Instant at, int prepaidPeriods) implements CustomerEvent {
}
