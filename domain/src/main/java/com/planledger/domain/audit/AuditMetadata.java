package com.planledger.domain.audit;

/** Metadata keys every command and event carries for audit. */
public final class AuditMetadata {

    /** Who did it: {@code api-key:<name>} for callers, {@link #SYSTEM} for time-based transitions. */
    public static final String ACTOR = "actor";
    /** The id of the HTTP request the command came from ({@code X-Request-Id}, generated when absent). */
    public static final String REQUEST_ID = "requestId";
    /** Axon's correlation id: the id of the message that caused this one. */
    public static final String CORRELATION_ID = "correlationId";
    /** The actor of everything the service does on its own (periods ending, grace ending, migrations). */
    public static final String SYSTEM = "system";

    private AuditMetadata() {
    }
}
