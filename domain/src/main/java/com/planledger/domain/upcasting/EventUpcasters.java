package com.planledger.domain.upcasting;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.planledger.domain.plan.PlanRecommendationWithdrawnEvent;
import com.planledger.domain.plan.PlanRecommendedEvent;

import java.util.List;
import java.util.Map;

/** Every upcaster of the domain's events, in the order they apply. The application registers each as a bean. */
public final class EventUpcasters {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private EventUpcasters() {
    }

    /** PlanRecommendedEvent 1 to 2: no plan replaced, slot generation 0 (before every slot generation). */
    public static AddedFieldsUpcaster planRecommendedV2() {
        return new AddedFieldsUpcaster(PlanRecommendedEvent.class, "1", "2",
                Map.of("replaces", JSON.nullNode(), "slotGeneration", JSON.numberNode(0L)));
    }

    /** PlanRecommendationWithdrawnEvent 1 to 2: the replacing plan was not recorded. */
    public static AddedFieldsUpcaster planRecommendationWithdrawnV2() {
        return new AddedFieldsUpcaster(PlanRecommendationWithdrawnEvent.class, "1", "2",
                Map.of("replacedBy", JSON.nullNode()));
    }

    public static List<AddedFieldsUpcaster> all() {
        return List.of(planRecommendedV2(), planRecommendationWithdrawnV2());
    }
}
