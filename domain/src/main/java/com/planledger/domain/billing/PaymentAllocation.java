package com.planledger.domain.billing;

import java.math.BigDecimal;

/** The part of a payment (or of the account's credit) that settled one invoice. */
public record PaymentAllocation(String number, BigDecimal amount) {
}
