package com.planledger.domain;

import org.axonframework.commandhandling.CommandExecutionException;

import java.util.Objects;

/**
 * The one exception of the domain: a rule refused a command or a value was invalid. It carries a stable
 * {@link ErrorCode} and, where a single input field is at fault, the name (path) of that field.
 * <p>
 * It is a {@link CommandExecutionException} whose details are a {@link DomainError}: Axon carries those details to
 * the sender of a command even when the command was handled by another instance, so a refusal keeps its code.
 */
public class DomainException extends CommandExecutionException {

    private final ErrorCode code;
    private final String field;

    public DomainException(ErrorCode code, String message) {
        this(code, null, message);
    }

    public DomainException(ErrorCode code, String field, String message) {
        super(message, null, new DomainError(Objects.requireNonNull(code, "code"), field, message));
        this.code = code;
        this.field = field;
    }

    /** An invalid value: {@code field} names the input at fault. */
    public static DomainException invalid(String field, String message) {
        return new DomainException(ErrorCode.VALIDATION_FAILED, field, message);
    }

    /** Throws {@link #invalid} unless {@code condition} holds. */
    public static void require(boolean condition, String field, String message) {
        if (!condition) {
            throw invalid(field, message);
        }
    }

    public ErrorCode code() {
        return code;
    }

    /** The input field at fault, or {@code null}. */
    public String field() {
        return field;
    }

    /** The same error with its field placed under {@code prefix} (e.g. {@code code} under {@code addOns[0]}). */
    public DomainException under(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return this;
        }
        String nested = field == null ? prefix : prefix + (field.startsWith("[") ? "" : ".") + field;
        DomainException moved = new DomainException(code, nested, getMessage());
        moved.setStackTrace(getStackTrace());
        return moved;
    }
}
