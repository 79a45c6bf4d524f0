package com.planledger.domain.plan;

import org.axonframework.serialization.Revision;

/** The plan was retired: no new customers; customers on it keep it. */
@Revision("1")
public record PlanArchivedEvent(String planId, String partnerId) implements PlanEvent {
}
