package com.planledger.domain.audit;

/** One changed field of a revision or profile change, with its value before and after. */
public record FieldChange(String field, Object before, Object after) {
}
