package com.planledger.domain.customer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.planledger.domain.DomainException;

/** A customer's company name: 1 to 200 characters. */
public record CompanyName(String value) {

    public static final int MAX_LENGTH = 200;

    public CompanyName {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid("companyName", "must not be blank");
        }
        value = value.strip();
        if (value.length() > MAX_LENGTH) {
            throw DomainException.invalid("companyName", "must be at most " + MAX_LENGTH + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw DomainException.invalid("companyName", "must not contain control characters");
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static CompanyName of(String value) {
        return new CompanyName(value);
    }

    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
