package com.planledger.domain.customer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.planledger.domain.plan.LimitKind;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A metric the product reports usage of, each measured against the limit of the same name: messages and WhatsApp
 * conversations are counted per usage month, contacts and workspaces are levels.
 */
public enum UsageMetric {
    MESSAGES(LimitKind.MESSAGES, false),
    WHATSAPP_CONVERSATIONS(LimitKind.WHATSAPP_CONVERSATIONS, false),
    CONTACTS(LimitKind.CONTACTS, true),
    WORKSPACES(LimitKind.WORKSPACES, true);

    private final LimitKind limit;
    private final boolean level;

    UsageMetric(LimitKind limit, boolean level) {
        this.limit = limit;
        this.level = level;
    }

    /** A level (the current count, set by each report) rather than a count per usage month. */
    public boolean isLevel() {
        return level;
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
