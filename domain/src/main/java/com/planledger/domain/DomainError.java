package com.planledger.domain;

/**
 * The serializable form of a {@link DomainException}: what travels with a refused command across Axon Server to
 * the instance that sent it, so the caller gets the same code and field whichever instance handled the command.
 */
public record DomainError(ErrorCode code, String field, String message) {

    public DomainException toException() {
        return new DomainException(code, field, message);
    }
}
