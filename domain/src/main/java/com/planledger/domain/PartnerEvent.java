package com.planledger.domain;

/**
 * Every event belongs to exactly one partner. Projections sequence on it, the export filters on it, and nothing
 * of one partner ever shows in another partner's stream.
 */
public interface PartnerEvent {

    String partnerId();

    /**
     * The key of the aggregate that emitted the event in the read models and lookups ({@code partnerId:id}, one
     * collection per type); its event-store identifier also names the type ({@link Ids#planAggregate}).
     */
    String key();
}
