package com.planledger.command.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.planledger.domain.CommandResult;

/** What a customer write answers: the customer's id (and the user's, when one was added) and the new version. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerWriteResponse(String customerId, String userId, long version) {

    static CustomerWriteResponse of(CommandResult result) {
        return new CustomerWriteResponse(result.id(), null, result.version());
    }
}
