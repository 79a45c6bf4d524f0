package com.planledger.domain.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.planledger.domain.DomainException;

import java.util.Locale;

/**
 * A plan's internal name: 1 to 80 characters, unique per partner across all its plans, archived ones included.
 * Uniqueness ignores case and surrounding blanks ({@code "Gold"} and {@code " gold "} are the same name).
 */
public record PlanName(String value) {

    public static final int MAX_LENGTH = 80;

    public PlanName {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid("name", "must not be blank");
        }
        value = value.strip();
        if (value.length() > MAX_LENGTH) {
            throw DomainException.invalid("name", "must be at most " + MAX_LENGTH + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw DomainException.invalid("name", "must not contain control characters");
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static PlanName of(String value) {
        return new PlanName(value);
    }

    @JsonValue
    public String value() {
        return value;
    }

    /** The form uniqueness is decided on. */
    public String normalized() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
