package com.planledger.domain.query;

import java.time.Instant;

/** One customer of a partner: now, or with {@code asOf} as it was then (from the events). */
public record FindCustomerQuery(String partnerId, String customerId, Instant asOf) {
}
