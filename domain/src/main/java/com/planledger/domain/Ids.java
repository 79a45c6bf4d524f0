package com.planledger.domain;

import java.util.regex.Pattern;

/**
 * Identifier rules. Partner, plan, customer and user ids are chosen by callers (UUIDs or slugs) and share one
 * alphabet, without {@code :}.
 * <ul>
 *   <li>In the event store an aggregate is stored under an identifier scoped by partner and type
 *   ({@code partnerId:plan:gold}, {@code partnerId:customer:gold}): two partners may use the same slug without
 *   ever learning of each other, and a partner's plan and customer may share one.</li>
 *   <li>Read models and lookups keep one collection per type and key a document by {@code partnerId:id}
 *   ({@link #plan}, {@link #customer}).</li>
 * </ul>
 * Events stored before the type was part of the identifier ({@code partnerId:id}) are rewritten once at start
 * (ADR 4); {@link #partnerOf} and {@link #localOf} read both forms.
 */
public final class Ids {

    public static final int MAX_LENGTH = 64;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final char SEPARATOR = ':';
    /** The type segment of a plan's aggregate identifier. */
    public static final String PLAN_TYPE = "plan";
    /** The type segment of a customer's aggregate identifier. */
    public static final String CUSTOMER_TYPE = "customer";

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

    /** The key of a partner's plan in the read models and lookups. */
    public static String plan(String partnerId, String planId) {
        return partnerId + SEPARATOR + planId;
    }

    /** The key of a partner's customer in the read models and lookups. */
    public static String customer(String partnerId, String customerId) {
        return partnerId + SEPARATOR + customerId;
    }

    /** The event-store aggregate identifier of a partner's plan. */
    public static String planAggregate(String partnerId, String planId) {
        return partnerId + SEPARATOR + PLAN_TYPE + SEPARATOR + planId;
    }

    /** The event-store aggregate identifier of a partner's customer. */
    public static String customerAggregate(String partnerId, String customerId) {
        return partnerId + SEPARATOR + CUSTOMER_TYPE + SEPARATOR + customerId;
    }

    /** What every aggregate identifier of {@code partnerId} starts with. */
    public static String scopeOf(String partnerId) {
        return partnerId + SEPARATOR;
    }

    /** The partner part of a partner-scoped identifier (an aggregate identifier or a read-model key). */
    public static String partnerOf(String aggregateId) {
        int i = aggregateId.indexOf(SEPARATOR);
        return i < 0 ? aggregateId : aggregateId.substring(0, i);
    }

    /** The caller-facing part of a partner-scoped identifier (an aggregate identifier or a read-model key). */
    public static String localOf(String aggregateId) {
        int i = aggregateId.lastIndexOf(SEPARATOR);
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
