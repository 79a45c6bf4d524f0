package com.planledger.domain.query;

import java.time.Instant;

/** One plan of a partner: its current state, or with {@code asOf} the state it had then (from the events). */
public record FindPlanQuery(String partnerId, String planId, Instant asOf) {
}
