package com.planledger.domain;

/**
 * What a successful command answers: the caller-facing id, the aggregate version after the command (the sequence
 * number of its last event) and, for plans, the current revision.
 */
public record CommandResult(String id, long version, Integer revision) {

    public static CommandResult of(String id, Long version) {
        return new CommandResult(id, version == null ? -1 : version, null);
    }

    public static CommandResult of(String id, Long version, int revision) {
        return new CommandResult(id, version == null ? -1 : version, revision);
    }
}
