package com.planledger.command.web;

import com.planledger.domain.ErrorCode;
import com.planledger.domain.customer.CustomerCommand;
import com.planledger.domain.customer.RegisterCustomerCommand;
import com.planledger.domain.plan.CreatePlanCommand;
import com.planledger.domain.plan.PlanCommand;

/** What a command targets, for the refusal a caller gets when the target is missing or already exists. */
public enum AggregateKind {
    PLAN("Plan", "planId", ErrorCode.PLAN_NOT_FOUND, ErrorCode.PLAN_ALREADY_EXISTS),
    CUSTOMER("Customer", "customerId", ErrorCode.CUSTOMER_NOT_FOUND, ErrorCode.CUSTOMER_ALREADY_EXISTS);

    private final String aggregateType;

    private final String idField;
    private final ErrorCode notFound;
    private final ErrorCode alreadyExists;

    AggregateKind(String aggregateType, String idField, ErrorCode notFound, ErrorCode alreadyExists) {
        this.aggregateType = aggregateType;
        this.idField = idField;
        this.notFound = notFound;
        this.alreadyExists = alreadyExists;
    }

    /** What {@code command} targets, or null for a command to neither kind. */
    public static AggregateKind of(Object command) {
        if (command instanceof PlanCommand) {
            return PLAN;
        }
        return command instanceof CustomerCommand ? CUSTOMER : null;
    }

    /** Whether {@code command} starts a new aggregate (so a refused first append means the id is taken). */
    public static boolean creates(Object command) {
        return command instanceof CreatePlanCommand || command instanceof RegisterCustomerCommand;
    }

    /** The aggregate type as stored with its events. */
    public String aggregateType() {
        return aggregateType;
    }

    public String idField() {
        return idField;
    }

    public ErrorCode notFound() {
        return notFound;
    }

    public ErrorCode alreadyExists() {
        return alreadyExists;
    }
}
