package com.planledger.domain.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.planledger.domain.audit.FieldChange;

import java.time.Instant;
import java.util.List;

/** A plan's or customer's history: every event in order, a page of them. */
public record HistoryView(String id, String aggregateType, List<Entry> items, int page, int size, long total) {

    /**
     * One event: its sequence in the aggregate, type, the schema revision of its payload, when, who, from which
     * request, the plan revision in force after it ({@code revision}; for a customer, the revision it holds), the
     * fields it changed with their values before and after, and the payload itself.
     */
    public record Entry(long sequence, String type, String payloadRevision, Instant at, String actor,
                        String requestId, String correlationId, Integer revision, List<FieldChange> changes,
                        JsonNode payload) {
    }
}
