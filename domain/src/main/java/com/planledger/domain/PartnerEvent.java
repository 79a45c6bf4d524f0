package com.planledger.domain;

/**
 * Every event belongs to exactly one partner. Projections sequence on it, the export filters on it, and nothing
 * of one partner ever shows in another partner's stream.
 */
public interface PartnerEvent {

    String partnerId();

    /** The partner-scoped identifier of the aggregate that emitted the event. */
    String aggregateId();
}
