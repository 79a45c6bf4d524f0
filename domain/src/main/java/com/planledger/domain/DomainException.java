package com.planledger.domain;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.HandlerExecutionException;

import java.util.Objects;
import java.util.Optional;

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

    /**
     * The refusal somewhere in {@code failure}'s cause chain: this exception itself when the handler ran in this
     * instance, or rebuilt from the {@link DomainError} details of a command or query handled by another instance.
     */
    public static Optional<DomainException> findIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DomainException domain) {
                return Optional.of(domain);
            }
            if (t instanceof HandlerExecutionException remote
                    && remote.getDetails().orElse(null) instanceof DomainError error) {
                return Optional.of(error.toException());
            }
        }
        return Optional.empty();
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
