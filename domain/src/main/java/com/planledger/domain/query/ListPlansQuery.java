package com.planledger.domain.query;

import com.planledger.domain.plan.PlanStatus;
import com.planledger.domain.plan.PlanType;
import com.planledger.domain.plan.Visibility;

/**
 * A page of a partner's plans. {@code q} matches name or display name, case-insensitive; null filters match all.
 * Sort fields: name, displayName, createdAt, updatedAt.
 */
public record ListPlansQuery(String partnerId, String q, PlanType type, PlanStatus status, Visibility visibility,
                             Boolean archived, PageRequest page) {
}
