package com.planledger.app.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.planledger.domain.DomainException;
import com.planledger.domain.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Maps every refusal to {@code application/problem+json} with a stable {@code code}: malformed input 400 with the
 * field named, unknown ids 404, conflicts 409, stale versions 412, refused domain rules 422. Nothing answers 200
 * with an error, and nothing leaks a stack trace.
 */
@RestControllerAdvice
public class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Problem> domain(DomainException e, HttpServletRequest request) {
        List<Problem.FieldError> errors = e.field() == null ? List.of()
                : List.of(new Problem.FieldError(e.field(), e.getMessage()));
        String detail = e.field() == null ? e.getMessage() : e.field() + ": " + e.getMessage();
        return problem(e.code(), detail, errors, request);
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<Problem> invalid(BindException e, HttpServletRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        e.getFieldErrors().forEach(f -> errors.add(new Problem.FieldError(JsonPaths.normalise(f.getField()),
                f.getDefaultMessage())));
        e.getGlobalErrors().forEach(g -> errors.add(new Problem.FieldError(g.getObjectName(),
                g.getDefaultMessage())));
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        return problem(ErrorCode.VALIDATION_FAILED, summary(errors), errors, request);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Problem> invalidParameters(HandlerMethodValidationException e, HttpServletRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err ->
                errors.add(new Problem.FieldError(r.getMethodParameter().getParameterName(),
                        err.getDefaultMessage()))));
        return problem(ErrorCode.VALIDATION_FAILED, summary(errors), errors, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Problem> invalidParameters(ConstraintViolationException e, HttpServletRequest request) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field)).toList();
        return problem(ErrorCode.VALIDATION_FAILED, summary(errors), errors, request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Problem> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        if (RequestLimitsFilter.causedByTooLarge(e)) {
            return problem(ErrorCode.REQUEST_TOO_LARGE, e.getMostSpecificCause().getMessage(), List.of(), request);
        }
        Throwable cause = e.getMostSpecificCause();
        if (e.getCause() instanceof JsonMappingException mapping && !(mapping.getCause() instanceof JsonParseException)) {
            String field = JsonPaths.of(mapping);
            String message;
            Throwable root = mapping.getCause();
            if (mapping instanceof UnrecognizedPropertyException) {
                message = "is not a known field";
            } else if (root instanceof DomainException domain) {
                field = JsonPaths.join(field, domain.field());
                message = domain.getMessage();
            } else if (root instanceof IllegalArgumentException invalid && invalid.getMessage() != null) {
                message = invalid.getMessage();
            } else if (mapping instanceof InvalidFormatException format) {
                message = format.getTargetType() != null && format.getTargetType().isEnum()
                        ? "must be one of " + java.util.Arrays.toString(format.getTargetType().getEnumConstants())
                        : "has an invalid value '" + format.getValue() + "'";
            } else if (mapping instanceof MismatchedInputException && mapping.getOriginalMessage() != null
                    && mapping.getOriginalMessage().startsWith("Trailing token")) {
                message = "is followed by more data after the JSON document";
            } else if (mapping instanceof MismatchedInputException) {
                message = "has the wrong type or is missing";
            } else {
                message = "has an invalid value";
            }
            if (field.isEmpty()) {
                field = "body";
            }
            List<Problem.FieldError> errors = List.of(new Problem.FieldError(field, message));
            return problem(ErrorCode.MALFORMED_REQUEST, field + ": " + message, errors, request);
        }
        if (cause instanceof JsonParseException parse) {
            String why = parse.getOriginalMessage() != null && parse.getOriginalMessage().startsWith("Duplicate field")
                    ? ": " + parse.getOriginalMessage().replace("Duplicate field", "a duplicate field") : "";
            return problem(ErrorCode.MALFORMED_REQUEST, "the body is not valid JSON" + why, List.of(), request);
        }
        return problem(ErrorCode.MALFORMED_REQUEST, "the body is missing or unreadable", List.of(), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Problem> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String message = e.getRequiredType() != null && e.getRequiredType().isEnum()
                ? "must be one of " + java.util.Arrays.toString(e.getRequiredType().getEnumConstants())
                : "has an invalid value '" + e.getValue() + "'";
        return problem(ErrorCode.VALIDATION_FAILED, e.getName() + ": " + message,
                List.of(new Problem.FieldError(e.getName(), message)), request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Problem> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return problem(ErrorCode.VALIDATION_FAILED, e.getParameterName() + ": is required",
                List.of(new Problem.FieldError(e.getParameterName(), "is required")), request);
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Problem> missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        return problem(ErrorCode.VALIDATION_FAILED, e.getHeaderName() + ": header is required",
                List.of(new Problem.FieldError(e.getHeaderName(), "is required")), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Problem> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return respond(problemOf(ErrorCode.MALFORMED_REQUEST, e.getMessage(), List.of(), request)
                .withStatus(HttpStatus.METHOD_NOT_ALLOWED));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Problem> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return respond(problemOf(ErrorCode.MALFORMED_REQUEST, "send the body as application/json", List.of(),
                request).withStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Void> notAcceptable() {
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).build();
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Problem> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return problem(ErrorCode.NOT_FOUND, "no such resource", List.of(), request);
    }

    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone() {
        // the client went away (e.g. a closed event stream): nothing to answer
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Problem> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(ErrorCode.INTERNAL_ERROR,
                "an unexpected error occurred; quote request id " + RequestIds.of(request) + " when reporting it",
                List.of(), request);
    }

    private static ResponseEntity<Problem> problem(ErrorCode code, String detail, List<Problem.FieldError> errors,
                                                   HttpServletRequest request) {
        return respond(problemOf(code, detail, errors, request));
    }

    private static Problem problemOf(ErrorCode code, String detail, List<Problem.FieldError> errors,
                                     HttpServletRequest request) {
        return Problem.of(code, detail, errors, request.getRequestURI(), RequestIds.of(request));
    }

    private static ResponseEntity<Problem> respond(Problem body) {
        return ResponseEntity.status(body.status()).contentType(MediaType.parseMediaType(Problem.MEDIA_TYPE))
                .body(body);
    }

    private static String summary(List<Problem.FieldError> errors) {
        return errors.isEmpty() ? "invalid input" : errors.stream().map(f -> f.field() + ": " + f.message())
                .reduce((a, b) -> a + "; " + b).orElse("");
    }

    private static String lastNode(String path) {
        int i = path.lastIndexOf('.');
        return i < 0 ? path : path.substring(i + 1);
    }
}
