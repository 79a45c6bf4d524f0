package com.planledger.command.plan;

/**
 * The partner's one recommended slot, a set rule kept on the command side (like unique plan names): a plan takes
 * it inside the unit of work of its recommendation, so of any number of concurrent recommendations each takes it
 * in turn and the last one holds it; a rolled-back recommendation gives it back. Readers order recommendations by
 * the slot's generation, so none ever sees two plans recommended. Implemented by
 * {@link com.planledger.command.lookup.PlanLookupHandlers}.
 */
public interface RecommendationSlot {

    /** Who held the slot before a plan took it ({@code null}: nobody), and the slot's new generation. */
    record Taken(String previous, long generation) {
    }

    /** Gives the slot to {@code planId}, inside the current unit of work. */
    Taken take(String partnerId, String planId);

    /** Whether {@code planId} holds the partner's slot now. */
    boolean isHeldBy(String partnerId, String planId);
}
