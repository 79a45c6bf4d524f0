package com.planledger.query.catalog;

import com.planledger.domain.plan.PlanName;
import com.planledger.domain.plan.PlanStatus;
import com.planledger.domain.plan.PlanTerms;
import com.planledger.domain.plan.PlanType;
import com.planledger.domain.plan.Visibility;
import com.planledger.domain.query.PlanView;

import java.time.Instant;
import java.util.List;

/**
 * A plan folded from its events: what the catalog stores per plan, and what {@code asOf} and history rebuild from
 * the event store.
 */
public record PlanState(String planId,
                        String partnerId,
                        PlanType type,
                        PlanName name,
                        PlanTerms terms,
                        PlanStatus status,
                        Visibility visibility,
                        boolean archived,
                        boolean recommended,
                        int revision,
                        long version,
                        PlanView.DuplicatedFrom duplicatedFrom,
                        Instant createdAt,
                        Instant updatedAt,
                        List<PlanView.RevisionEntry> revisions) {

    public PlanState {
        revisions = revisions == null ? List.of() : List.copyOf(revisions);
    }

    /** The API view: terms flattened; revisions only when asked for (the detail). */
    public PlanView toView(long subscriberCount, boolean withRevisions) {
        return new PlanView(planId, partnerId, type, name.value(), terms.displayName(), terms.currency(),
                terms.prices(), terms.tax(), terms.limits(), terms.trialDays(), terms.gracePeriodDays(),
                terms.integrations(), terms.addOns(), terms.revenueSharePercent(), status, visibility, archived,
                recommended, revision, version, duplicatedFrom, subscriberCount, createdAt, updatedAt,
                withRevisions ? revisions : null, null);
    }

    /** This state with {@code recommended} as the partner's recommended slot says. */
    public PlanState withRecommended(boolean isRecommended) {
        return isRecommended == recommended ? this : new PlanState(planId, partnerId, type, name, terms, status,
                visibility, archived, isRecommended, revision, version, duplicatedFrom, createdAt, updatedAt,
                revisions);
    }

    PlanState with(PlanName newName, PlanTerms newTerms, PlanStatus newStatus, Visibility newVisibility,
                   boolean newArchived, boolean newRecommended, int newRevision, long newVersion, Instant at,
                   List<PlanView.RevisionEntry> newRevisions) {
        return new PlanState(planId, partnerId, type, newName, newTerms, newStatus, newVisibility, newArchived,
                newRecommended, newRevision, newVersion, duplicatedFrom, createdAt, at, newRevisions);
    }
}
