package com.planledger.domain.customer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.planledger.domain.plan.LimitKind;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A metric the product reports usage of, each measured against the limit of the same name. */
public enum UsageMetric {
    MESSAGES(LimitKind.MESSAGES),
    WHATSAPP_CONVERSATIONS(LimitKind.WHATSAPP_CONVERSATIONS),
    CONTACTS(LimitKind.CONTACTS),
    WORKSPACES(LimitKind.WORKSPACES);

    private final LimitKind limit;

    UsageMetric(LimitKind limit) {
        this.limit = limit;
    }

    public LimitKind limit() {
        return limit;
    }

    @JsonValue
    public String key() {
        return limit.key();
    }

    @JsonCreator
    public static UsageMetric fromKey(String key) {
        for (UsageMetric metric : values()) {
            if (metric.key().equals(key)) {
                return metric;
            }
        }
        throw new IllegalArgumentException("unknown metric '" + key + "'; known: "
                + Arrays.stream(values()).map(UsageMetric::key).collect(Collectors.joining(", ")));
    }
}
