package com.planledger.command.policy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.planledger.command.lookup.CustomerLookupHandlers;
import com.planledger.command.lookup.LookupCollections;
import com.planledger.command.lookup.LookupDurability;
import com.planledger.command.lookup.PlanLookupHandlers;
import com.planledger.domain.Ids;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.planledger.domain.customer.MigrationOutcome;
import com.planledger.domain.json.DomainJson;
import com.planledger.domain.plan.PlanTerms;
import com.planledger.domain.plan.PlanSubscriberMigrationRequestedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;

/**
 * Subscriber migration jobs. A plan's {@link PlanSubscriberMigrationRequestedEvent} creates its job document in
 * the unit of work that stores the event (so the job exists as soon as the request is answered); the
 * {@link MigrationJobRunner} then walks the plan's customers on older revisions, in the order of their ids,
 * remembering the last one handled, so a restart resumes where it stopped.
 */
@Component
@ProcessingGroup(PlanLookupHandlers.GROUP)
public class MigrationJobs {

    public static final String PENDING = "PENDING";
    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";

    private static final ObjectMapper TERMS_JSON = DomainJson.newMapper();

    private final MongoCollection<Document> jobs;
    private final MongoCollection<Document> subscriptions;
    private final LookupDurability durability;

    public MigrationJobs(MongoDatabase database, LookupDurability durability) {
        this.jobs = database.getCollection(LookupCollections.MIGRATION_JOBS);
        this.subscriptions = database.getCollection(LookupCollections.SUBSCRIPTIONS);
        this.durability = durability;
        jobs.createIndex(com.mongodb.client.model.Indexes.ascending("status", "requestedAt"),
                new com.mongodb.client.model.IndexOptions().name("status_requested"));
    }

    @EventHandler
    void on(PlanSubscriberMigrationRequestedEvent event, @Timestamp Instant at) {
        Bson candidates = CustomerLookupHandlers.onOlderRevision(event.partnerId(), event.planId(),
                event.toRevision());
        long total = subscriptions.countDocuments(candidates);
        Document job = new Document("partnerId", event.partnerId()).append("planId", event.planId())
                .append("jobId", event.jobId()).append("toRevision", event.toRevision())
                .append("effective", event.effective().name())
                .append("planName", event.name().value())
                .append("terms", new Document(TERMS_JSON.convertValue(event.terms(), Map.class)))
                .append("status", PENDING).append("total", total).append("requestedAt", Date.from(at));
        jobs.updateOne(eq("_id", key(event.partnerId(), event.jobId())), Updates.setOnInsert(job),
                new UpdateOptions().upsert(true));
        durability.flushBeforeCommit();
    }

    /** The job {@code jobId} of {@code partnerId}, or null. */
    public Document find(String partnerId, String jobId) {
        return jobs.find(eq("_id", key(partnerId, jobId))).first();
    }

    /** Jobs that are not completed, oldest first. */
    List<Document> open() {
        List<Document> open = new ArrayList<>();
        jobs.find(com.mongodb.client.model.Filters.ne("status", COMPLETED)).sort(Sorts.ascending("requestedAt"))
                .into(open);
        return open;
    }

    /** The next customers of the job to handle, after the last one handled. */
    List<Document> nextCandidates(Document job, int limit) {
        Bson candidates = CustomerLookupHandlers.onOlderRevision(job.getString("partnerId"), job.getString("planId"),
                job.getInteger("toRevision"));
        String after = job.getString("lastCustomer");
        if (after != null) {
            candidates = and(candidates, gt("_id", after));
        }
        List<Document> next = new ArrayList<>();
        subscriptions.find(candidates).sort(Sorts.ascending("_id")).limit(limit).into(next);
        return next;
    }

    void running(Document job) {
        jobs.updateOne(and(eq("_id", job.get("_id")), eq("status", PENDING)),
                Updates.combine(Updates.set("status", RUNNING), Updates.set("startedAt", new Date())));
    }

    /** Records one customer's outcome and moves the job past it. */
    void handled(Document job, String customerKey, MigrationOutcome outcome) {
        jobs.updateOne(eq("_id", job.get("_id")), Updates.combine(
                Updates.set("lastCustomer", customerKey),
                Updates.inc("processed", 1),
                Updates.inc("outcomes." + outcome.name().toLowerCase(Locale.ROOT), 1)));
    }

    void failed(Document job, String customerKey) {
        jobs.updateOne(eq("_id", job.get("_id")), Updates.combine(
                Updates.set("lastCustomer", customerKey), Updates.inc("processed", 1), Updates.inc("failed", 1)));
    }

    void completed(Document job) {
        jobs.updateOne(eq("_id", job.get("_id")), Updates.combine(Updates.set("status", COMPLETED),
                Updates.set("completedAt", new Date())));
    }

    /** The target terms the request recorded. */
    static PlanTerms terms(Document job) {
        return TERMS_JSON.convertValue(job.get("terms", Document.class), PlanTerms.class);
    }

    private static String key(String partnerId, String jobId) {
        return Ids.plan(partnerId, jobId);
    }
}
