package com.planledger.domain.plan;

import org.axonframework.serialization.Revision;
import java.util.List;

/** The plan's terms (and possibly its name) changed: a new revision, with the changed fields (e.g. {@code prices.MONTHLY}). */
@Revision("1")
public record PlanRevisedEvent(String planId, String partnerId, int revision, PlanName name, PlanTerms terms,
                               List<String> changedFields) implements PlanEvent {
}
