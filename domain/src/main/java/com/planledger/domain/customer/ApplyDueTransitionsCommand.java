package com.planledger.domain.customer;


/** Applies every time-based transition that is due by the command side's clock: renewal, past due, overdue block. Answers the next instant something falls due. */
public record ApplyDueTransitionsCommand(String partnerId, String customerId)
        implements CustomerCommand {
}
