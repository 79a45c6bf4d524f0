package com.planledger.query.admin;

/**
 * A read model: one processing group, the collections it owns, and how far it has applied each aggregate.
 */
public interface ReadModel {

    /** The processing group (and the name in the admin API). */
    String name();

    /** The collections this read model owns (dropped by its reset, compared by the replay test). */
    java.util.List<String> collections();

    /** Whether this read model has applied the aggregate's events up to {@code sequence}; true when it does not
     * show aggregates of that type at all. */
    boolean hasApplied(String aggregateType, String aggregateId, long sequence);
}
