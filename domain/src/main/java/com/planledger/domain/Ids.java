package com.planledger.domain;

import java.util.regex.Pattern;

/**
 * Identifier rules. Partner, plan, customer and user ids are chosen by callers (UUIDs or slugs) and share one
 * alphabet. Aggregates are stored under a partner-scoped identifier ({@code partnerId:planId}), so that two
 * partners may use the same slug without ever learning of each other.
 */
public final class Ids {

    public static final int MAX_LENGTH = 64;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final char SEPARATOR = ':';

    private Ids() {
    }

    /** Validates a caller-supplied id; {@code field} names it in the error. */
    public static String require(String id, String field) {
        if (id == null || id.isBlank()) {
            throw DomainException.invalid(field, "must not be blank");
        }
        if (!ID.matcher(id).matches()) {
            throw DomainException.invalid(field,
                    "must be 1 to 64 characters of letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return id;
    }

    public static boolean isValid(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** The event-store aggregate identifier of a partner's plan. */
    public static String plan(String partnerId, String planId) {
        return partnerId + SEPARATOR + planId;
    }

    /** The event-store aggregate identifier of a partner's customer. */
    public static String customer(String partnerId, String customerId) {
        return partnerId + SEPARATOR + customerId;
    }

    /** What every aggregate identifier of {@code partnerId} starts with. */
    public static String scopeOf(String partnerId) {
        return partnerId + SEPARATOR;
    }

    /** The partner part of a partner-scoped aggregate identifier. */
    public static String partnerOf(String aggregateId) {
        int i = aggregateId.indexOf(SEPARATOR);
        return i < 0 ? aggregateId : aggregateId.substring(0, i);
    }

    /** The caller-facing part of a partner-scoped aggregate identifier. */
    public static String localOf(String aggregateId) {
        int i = aggregateId.indexOf(SEPARATOR);
        return i < 0 ? aggregateId : aggregateId.substring(i + 1);
    }

    /**
     * An id as one segment of a dotted field path (a map key in a stored document): '.' would split the path, so it
     * is written {@code %2E} (and '%' {@code %25}). {@link #fromPathSegment} reads it back.
     */
    public static String asPathSegment(String id) {
        return id.replace("%", "%25").replace(".", "%2E");
    }

    public static String fromPathSegment(String segment) {
        return segment.replace("%2E", ".").replace("%25", "%");
    }
}
