package com.planledger.command.lookup;

/** Names of the command side's lookup collections (MongoDB, next to the tokens). */
public final class LookupCollections {

    /** Plan names per partner, every name ever used (a name is never reused). */
    public static final String PLAN_NAMES = "cmd_plan_names";
    /** Customer e-mails per partner. */
    public static final String CUSTOMER_EMAILS = "cmd_customer_emails";
    /** The recommended plan per partner, as the recommendation policy last saw it. */
    public static final String RECOMMENDATIONS = "cmd_recommendations";
    /** Each partner's recommended slot: the plan holding it and the slot's generation. */
    public static final String RECOMMENDED_SLOTS = "cmd_recommended_slots";
    /** Each partner's invoice sequence: the last number issued, and numbers given back by commands not stored. */
    public static final String INVOICE_SEQUENCES = "cmd_invoice_sequences";
    /** Which plan and revision each customer holds (for subscriber migrations). */
    public static final String SUBSCRIPTIONS = "cmd_subscriptions";
    /** When each customer's next time-based transition falls due. */
    public static final String DUE = "cmd_due";
    /** Progress of subscriber migrations. */
    public static final String MIGRATION_JOBS = "cmd_migration_jobs";
    /** Which instance runs the due-transition scheduler and the migration runner. */
    public static final String LEASES = "cmd_leases";
    /** Stored events a rebuild of the lookups found breaking a set rule (the lookup kept the first owner). */
    public static final String CONFLICTS = "cmd_lookup_conflicts";
    /** When the lookups were built (a lookup store without it is rebuilt from the events at start). */
    public static final String META = "cmd_lookups_meta";

    private LookupCollections() {
    }
}
