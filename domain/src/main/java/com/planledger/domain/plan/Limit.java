package com.planledger.domain.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.planledger.domain.DomainException;

import java.math.BigInteger;

/**
 * A limit: a whole number >= 0, or explicitly {@code UNLIMITED}. There is no magic number for "no limit".
 * In JSON it is a number or the string {@code "UNLIMITED"}.
 */
public record Limit(Long value) {

    public static final String UNLIMITED_TOKEN = "UNLIMITED";
    private static final Limit UNLIMITED = new Limit(null);

    public Limit {
        if (value != null && value < 0) {
            throw DomainException.invalid(null, "must be a whole number >= 0 or \"UNLIMITED\"");
        }
    }

    public static Limit of(long value) {
        return new Limit(value);
    }

    public static Limit unlimited() {
        return UNLIMITED;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Limit parse(Object raw) {
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
            long v = ((Number) raw).longValue();
            if (v < 0) {
                throw new IllegalArgumentException("must be a whole number >= 0 or \"UNLIMITED\" (got " + v + ")");
            }
            return of(v);
        }
        if (raw instanceof BigInteger) {
            throw new IllegalArgumentException("is too large");
        }
        if (UNLIMITED_TOKEN.equals(raw)) {
            return UNLIMITED;
        }
        throw new IllegalArgumentException("must be a whole number >= 0 or \"UNLIMITED\" (got " + raw + ")");
    }

    @JsonValue
    public Object json() {
        return value == null ? UNLIMITED_TOKEN : value;
    }

    public boolean isUnlimited() {
        return value == null;
    }

    /** This limit raised by {@code increment}; unlimited stays unlimited. */
    public Limit plus(long increment) {
        if (value == null) {
            return this;
        }
        long sum = value + increment;
        return of(sum < value ? Long.MAX_VALUE : sum);
    }

    /** Whether {@code amount} stays within the limit. */
    public boolean allows(long amount) {
        return value == null || amount <= value;
    }

    @Override
    public String toString() {
        return String.valueOf(json());
    }
}
