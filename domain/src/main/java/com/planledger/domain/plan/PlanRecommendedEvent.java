package com.planledger.domain.plan;

import org.axonframework.serialization.Revision;

/**
 * The plan became the partner's recommended plan. It took the partner's one recommended slot from
 * {@code replaces} (the plan recommended before, or {@code null}); {@code slotGeneration} counts the slot's
 * holders per partner (1, 2, ...), so a reader orders recommendations across plans without relying on delivery
 * order. Events written before the slot existed read with generation 0.
 */
@Revision("2")
public record PlanRecommendedEvent(String planId, String partnerId, String replaces, long slotGeneration)
        implements PlanEvent {
}
