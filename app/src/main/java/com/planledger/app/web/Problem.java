package com.planledger.app.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.planledger.domain.ErrorCode;
import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * An {@code application/problem+json} body (RFC 9457) with the service's stable {@code code} and, for invalid
 * input, every field at fault.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String code, List<FieldError> errors,
                      String instance, String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(String field, String message) {
    }

    public static Problem of(ErrorCode code, String detail, List<FieldError> errors, String instance,
                             String requestId) {
        return new Problem("urn:planledger:problem:" + code.name().toLowerCase().replace('_', '-'), code.title(),
                code.httpStatus(), detail, code.name(), errors == null || errors.isEmpty() ? null : errors,
                instance, requestId);
    }

    /**
     * The problem for an HTTP status a handler did not choose (a request the server refused before any handler,
     * or a servlet error): the error code naming that status, or the status alone.
     */
    public static Problem forStatus(int status, String detail, String instance, String requestId) {
        ErrorCode code = switch (status) {
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 412 -> ErrorCode.VERSION_MISMATCH;
            case 413 -> ErrorCode.REQUEST_TOO_LARGE;
            case 503 -> ErrorCode.SERVICE_UNAVAILABLE;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.MALFORMED_REQUEST;
        };
        Problem problem = of(code, detail, List.of(), instance, requestId);
        HttpStatus resolved = HttpStatus.resolve(status);
        return problem.status() == status || resolved == null ? problem : problem.withStatus(resolved);
    }

    /** The same problem answered with another HTTP status: a protocol error (405, 415) no error code names. */
    public Problem withStatus(HttpStatus status) {
        return new Problem(type, status.getReasonPhrase(), status.value(), detail, code, errors, instance, requestId);
    }
}
