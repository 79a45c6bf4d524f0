package com.planledger.domain.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.planledger.domain.plan.AddOnOffer;
import com.planledger.domain.plan.BillingCycle;
import com.planledger.domain.plan.Limits;
import com.planledger.domain.plan.PlanStatus;
import com.planledger.domain.plan.PlanType;
import com.planledger.domain.plan.Tax;
import com.planledger.domain.plan.Visibility;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A plan as dashboards and callers read it. {@code revisions} is only filled in the detail, and {@code current}
 * only in a customer's visible plans (its own plan).
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record PlanView(String planId,
                       String partnerId,
                       PlanType type,
                       String name,
                       String displayName,
                       String currency,
                       Map<BillingCycle, BigDecimal> prices,
                       Tax tax,
                       Limits limits,
                       int trialDays,
                       int gracePeriodDays,
                       List<String> integrations,
                       List<AddOnOffer> addOns,
                       @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal revenueSharePercent,
                       PlanStatus status,
                       Visibility visibility,
                       boolean archived,
                       boolean recommended,
                       int revision,
                       long version,
                       @JsonInclude(JsonInclude.Include.ALWAYS) DuplicatedFrom duplicatedFrom,
                       long subscriberCount,
                       Instant createdAt,
                       Instant updatedAt,
                       List<RevisionEntry> revisions,
                       Boolean current) {

    /** The plan and revision a duplicate was copied from. */
    public record DuplicatedFrom(String planId, int revision) {
    }

    /** One revision of the plan's terms: when, and which fields changed. */
    public record RevisionEntry(int revision, Instant at, List<String> changedFields) {
    }

    /** This view flagged as (or as not) the customer's current plan. */
    public PlanView withCurrent(boolean isCurrent) {
        return new PlanView(planId, partnerId, type, name, displayName, currency, prices, tax, limits, trialDays,
                gracePeriodDays, integrations, addOns, revenueSharePercent, status, visibility, archived, recommended,
                revision, version, duplicatedFrom, subscriberCount, createdAt, updatedAt, revisions, isCurrent);
    }
}
