package com.planledger.query.catalog;

import com.planledger.domain.plan.PlanActivatedEvent;
import com.planledger.domain.plan.PlanArchivedEvent;
import com.planledger.domain.plan.PlanCreatedEvent;
import com.planledger.domain.plan.PlanDeactivatedEvent;
import com.planledger.domain.plan.PlanDuplicatedEvent;
import com.planledger.domain.plan.PlanEvent;
import com.planledger.domain.plan.PlanRecommendationWithdrawnEvent;
import com.planledger.domain.plan.PlanRecommendedEvent;
import com.planledger.domain.plan.PlanRestoredEvent;
import com.planledger.domain.plan.PlanRevisedEvent;
import com.planledger.domain.plan.PlanStatus;
import com.planledger.domain.plan.PlanSubscriberMigrationRequestedEvent;
import com.planledger.domain.plan.PlanVisibilityChangedEvent;
import com.planledger.domain.plan.Visibility;
import com.planledger.domain.query.PlanView;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Folds one plan event into a {@link PlanState}: the one place the read side interprets plan events. */
public final class PlanStateFold {

    private PlanStateFold() {
    }

    /**
     * @param state    the state before (null before the creation event)
     * @param sequence the event's aggregate sequence number: the plan's version after it
     * @param at       when the event was stored
     */
    public static PlanState apply(PlanState state, PlanEvent event, long sequence, Instant at) {
        boolean creation = event instanceof PlanCreatedEvent || event instanceof PlanDuplicatedEvent;
        if (state == null && !creation) {
            throw new IllegalStateException("event " + event.getClass().getSimpleName() + " at sequence " + sequence
                    + " of plan " + event.key() + " arrived before the plan was created");
        }
        if (event instanceof PlanCreatedEvent e) {
            return new PlanState(e.planId(), e.partnerId(), e.type(), e.name(), e.terms(), PlanStatus.ACTIVE,
                    e.visibility(), false, false, e.revision(), sequence, null, at, at,
                    List.of(new PlanView.RevisionEntry(e.revision(), at, List.of())));
        }
        if (event instanceof PlanDuplicatedEvent e) {
            return new PlanState(e.planId(), e.partnerId(), e.type(), e.name(), e.terms(), PlanStatus.INACTIVE,
                    Visibility.PRIVATE, false, false, e.revision(), sequence,
                    new PlanView.DuplicatedFrom(e.sourcePlanId(), e.sourceRevision()), at, at,
                    List.of(new PlanView.RevisionEntry(e.revision(), at, List.of())));
        }
        if (event instanceof PlanRevisedEvent e) {
            List<PlanView.RevisionEntry> revisions = new ArrayList<>(state.revisions());
            revisions.add(new PlanView.RevisionEntry(e.revision(), at, e.changedFields()));
            return state.with(e.name(), e.terms(), state.status(), state.visibility(), state.archived(),
                    state.recommended(), e.revision(), sequence, at, revisions);
        }
        if (event instanceof PlanActivatedEvent) {
            return status(state, PlanStatus.ACTIVE, sequence, at);
        }
        if (event instanceof PlanDeactivatedEvent) {
            return status(state, PlanStatus.INACTIVE, sequence, at);
        }
        if (event instanceof PlanVisibilityChangedEvent e) {
            return state.with(state.name(), state.terms(), state.status(), e.visibility(), state.archived(),
                    state.recommended(), state.revision(), sequence, at, state.revisions());
        }
        if (event instanceof PlanArchivedEvent) {
            return state.with(state.name(), state.terms(), state.status(), state.visibility(), true,
                    state.recommended(), state.revision(), sequence, at, state.revisions());
        }
        if (event instanceof PlanRestoredEvent) {
            return state.with(state.name(), state.terms(), PlanStatus.INACTIVE, Visibility.PRIVATE, false,
                    state.recommended(), state.revision(), sequence, at, state.revisions());
        }
        if (event instanceof PlanRecommendedEvent) {
            return recommended(state, true, sequence, at);
        }
        if (event instanceof PlanRecommendationWithdrawnEvent) {
            return recommended(state, false, sequence, at);
        }
        if (event instanceof PlanSubscriberMigrationRequestedEvent) {
            // a request about the plan's customers: the plan itself does not change
            return state.with(state.name(), state.terms(), state.status(), state.visibility(), state.archived(),
                    state.recommended(), state.revision(), sequence, state.updatedAt(), state.revisions());
        }
        throw new IllegalArgumentException("unknown plan event " + event.getClass().getName());
    }

    private static PlanState status(PlanState state, PlanStatus status, long sequence, Instant at) {
        return state.with(state.name(), state.terms(), status, state.visibility(), state.archived(),
                state.recommended(), state.revision(), sequence, at, state.revisions());
    }

    private static PlanState recommended(PlanState state, boolean recommended, long sequence, Instant at) {
        return state.with(state.name(), state.terms(), state.status(), state.visibility(), state.archived(),
                recommended, state.revision(), sequence, at, state.revisions());
    }
}
