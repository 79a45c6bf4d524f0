package com.planledger.domain.query;

/**
 * Answers {@code true} once every read model has applied every event stored before the query was sent, or
 * {@code false} after {@code timeoutMillis}. Behind {@code ?consistency=wait} on writes.
 */
public record AwaitReadModelsQuery(long timeoutMillis) {
}
