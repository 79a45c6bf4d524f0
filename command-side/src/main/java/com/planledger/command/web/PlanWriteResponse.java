package com.planledger.command.web;

import com.planledger.domain.CommandResult;

/** What a plan write answers: the plan's id, its current revision and the aggregate version after the write. */
public record PlanWriteResponse(String planId, Integer revision, long version) {

    static PlanWriteResponse of(CommandResult result) {
        return new PlanWriteResponse(result.id(), result.revision(), result.version());
    }
}
