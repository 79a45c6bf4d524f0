package com.planledger.domain.query;

/**
 * Every event of one plan or customer, in order, from the event store.
 *
 * @param aggregateType {@code Plan} or {@code Customer}
 */
public record HistoryQuery(String aggregateType, String partnerId, String id, PageRequest page) {
}
