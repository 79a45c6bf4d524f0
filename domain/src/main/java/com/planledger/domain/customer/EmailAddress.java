package com.planledger.domain.customer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.planledger.domain.DomainException;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An e-mail address: {@code local@domain} with a dotted domain, at most 254 characters. Kept as given (trimmed);
 * compared without regard to case.
 */
public record EmailAddress(String value) {

    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    public EmailAddress {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid("email", "must not be blank");
        }
        value = value.strip();
        if (value.length() > 254 || !EMAIL.matcher(value).matches()) {
            throw DomainException.invalid("email", "must be a valid e-mail address");
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static EmailAddress of(String value) {
        return new EmailAddress(value);
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
