package com.planledger.domain.plan;

import com.planledger.domain.Ids;
import com.planledger.domain.PartnerEvent;

/** Everything that happens to a plan. */
public sealed interface PlanEvent extends PartnerEvent
        permits PlanCreatedEvent, PlanRevisedEvent, PlanDuplicatedEvent, PlanActivatedEvent, PlanDeactivatedEvent,
        PlanVisibilityChangedEvent, PlanArchivedEvent, PlanRestoredEvent, PlanRecommendedEvent,
        PlanRecommendationWithdrawnEvent, PlanSubscriberMigrationRequestedEvent {

    String planId();

    @Override
    default String key() {
        return Ids.plan(partnerId(), planId());
    }
}
