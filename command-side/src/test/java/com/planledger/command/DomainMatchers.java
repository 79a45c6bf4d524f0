package com.planledger.command;

import com.planledger.domain.DomainException;
import com.planledger.domain.ErrorCode;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.util.Objects;

/** Hamcrest matchers for the fixture's {@code expectException(Matcher)}. */
public final class DomainMatchers {

    private DomainMatchers() {
    }

    /** A {@link DomainException} with {@code code}. */
    public static Matcher<DomainException> domainError(ErrorCode code) {
        return domainError(code, null, false);
    }

    /** A {@link DomainException} with {@code code} naming {@code field}. */
    public static Matcher<DomainException> domainError(ErrorCode code, String field) {
        return domainError(code, field, true);
    }

    private static Matcher<DomainException> domainError(ErrorCode code, String field, boolean checkField) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DomainException e) {
                return e.code() == code && (!checkField || Objects.equals(field, e.field()));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("DomainException with code ").appendValue(code);
                if (checkField) {
                    description.appendText(" on field ").appendValue(field);
                }
            }

            @Override
            protected void describeMismatchSafely(DomainException e, Description description) {
                description.appendText("was ").appendValue(e.code()).appendText(" on field ")
                        .appendValue(e.field()).appendText(": ").appendText(e.getMessage());
            }
        };
    }
}
