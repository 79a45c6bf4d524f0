package com.planledger.command.web;

import com.planledger.domain.ErrorCode;

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
