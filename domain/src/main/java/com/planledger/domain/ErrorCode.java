package com.planledger.domain;

/**
 * Stable error codes of the published language. Callers code against the code, never against the message.
 * Each code carries the HTTP status the REST layer answers with.
 */
public enum ErrorCode {
    // malformed or invalid input: nothing was attempted
    MALFORMED_REQUEST(400, "Malformed request"),
    VALIDATION_FAILED(400, "Invalid input"),
    UNAUTHENTICATED(401, "Authentication required"),
    FORBIDDEN(403, "Not allowed"),

    // unknown ids (also the answer for another partner's data: existence is never revealed)
    NOT_FOUND(404, "Not found"),
    PLAN_NOT_FOUND(404, "Plan not found"),
    CUSTOMER_NOT_FOUND(404, "Customer not found"),
    USER_NOT_FOUND(404, "User not found"),
    ADD_ON_NOT_ATTACHED(404, "Add-on not attached"),
    MIGRATION_NOT_FOUND(404, "Migration job not found"),
    INVOICE_NOT_FOUND(404, "Invoice not found"),
    NO_SCHEDULED_CHANGE(404, "No scheduled change"),

    // conflicts with existing state or a concurrent writer
    PLAN_ALREADY_EXISTS(409, "Plan already exists"),
    CUSTOMER_ALREADY_EXISTS(409, "Customer already exists"),
    PLAN_NAME_TAKEN(409, "Plan name taken"),
    CUSTOMER_EMAIL_TAKEN(409, "Customer email taken"),
    USER_ALREADY_EXISTS(409, "User already exists"),
    USER_EMAIL_TAKEN(409, "User email taken"),
    CONCURRENT_MODIFICATION(409, "Concurrent modification"),
    PAYMENT_REFERENCE_CONFLICT(409, "Payment reference used for another amount"),
    USAGE_ID_CONFLICT(409, "Usage id used for another report"),
    IDEMPOTENCY_KEY_IN_PROGRESS(409, "Request with this Idempotency-Key still in progress"),
    VERSION_MISMATCH(412, "Version mismatch"),
    REQUEST_TOO_LARGE(413, "Request too large"),

    // domain rules that refused the command
    PLAN_ARCHIVED(422, "Plan archived"),
    PLAN_INACTIVE(422, "Plan inactive"),
    PLAN_NOT_RECOMMENDABLE(422, "Plan cannot be recommended"),
    BILLING_CYCLE_NOT_OFFERED(422, "Billing cycle not offered"),
    NO_SUBSCRIPTION(422, "Customer has no plan"),
    PAYMENT_CURRENCY_MISMATCH(422, "Payment currency mismatch"),
    NO_SCHEDULED_CANCEL(422, "No cancel scheduled"),
    CURRENCY_MISMATCH(422, "Currency differs from the account's"),
    LIMIT_EXCEEDED(422, "Limit exceeded"),
    ADD_ON_NOT_OFFERED(422, "Add-on not offered"),
    IDEMPOTENCY_KEY_REUSED(422, "Idempotency-Key reused with another request"),

    // the service itself
    TIMEOUT(503, "Timed out"),
    SERVICE_UNAVAILABLE(503, "Service unavailable"),
    INTERNAL_ERROR(500, "Internal error");

    private final int httpStatus;
    private final String title;

    ErrorCode(int httpStatus, String title) {
        this.httpStatus = httpStatus;
        this.title = title;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String title() {
        return title;
    }
}
