package com.planledger.domain.query;

/**
 * Answers {@code true} once every read model that shows aggregates of {@code aggregateType} has applied the
 * aggregate {@code aggregateId} up to {@code sequence}, or {@code false} after {@code timeoutMillis}. Behind
 * {@code ?consistency=wait} on writes.
 *
 * @param aggregateType {@code Plan} or {@code Customer}
 */
public record AwaitReadModelsQuery(String aggregateType, String aggregateId, long sequence, long timeoutMillis) {
}
