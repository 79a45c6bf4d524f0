package com.planledger.command.lookup;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.planledger.command.plan.PlanNames;
import com.planledger.command.plan.RecommendationSlot;
import com.planledger.domain.plan.PlanCreatedEvent;
import com.planledger.domain.plan.PlanDuplicatedEvent;
import com.planledger.domain.plan.PlanName;
import com.planledger.domain.plan.PlanRecommendationWithdrawnEvent;
import com.planledger.domain.plan.PlanRecommendedEvent;
import com.planledger.domain.plan.PlanRevisedEvent;
import com.planledger.domain.plan.RecommendationWithdrawalReason;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;
import org.springframework.stereotype.Component;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;

/**
 * Keeps the plan-name lookup in step with the plans, inside the unit of work that stores each plan event (a
 * subscribing processor whose errors propagate). A name taken by another plan of the partner makes the insert fail,
 * which rolls the whole command back: two concurrent creates with one name give exactly one plan.
 * <p>
 * It also keeps each partner's recommended slot ({@link RecommendationSlot}): one document per partner with the
 * holder and a generation that only grows. A recommendation takes it with one atomic update in its unit of work;
 * a withdrawal other than REPLACED frees it when stored. Both event handlers are idempotent and order-safe, so the
 * slot is rebuilt from the events like every other lookup.
 */
@Component
@ProcessingGroup(PlanLookupHandlers.GROUP)
public class PlanLookupHandlers implements PlanNames, RecommendationSlot {

    /** The subscribing processing group of every command-side lookup. */
    public static final String GROUP = "command-lookups";

    private final Reservations names;
    private final MongoCollection<Document> slots;
    private final LookupDurability durability;

    public PlanLookupHandlers(MongoDatabase database, LookupDurability durability) {
        this.names = new Reservations(database.getCollection(LookupCollections.PLAN_NAMES), durability);
        this.slots = database.getCollection(LookupCollections.RECOMMENDED_SLOTS);
        this.durability = durability;
    }

    @Override
    public RecommendationSlot.Taken take(String partnerId, String planId) {
        Document before = Upserts.racing(() -> takeSlot(partnerId, planId));
        String previous = before == null ? null : before.getString("planId");
        long generation = (before == null ? 0 : generation(before)) + 1;
        durability.flushBeforeCommit();
        // a recommendation that is not stored gives the slot back (the generation stays used)
        CurrentUnitOfWork.ifStarted(uow -> uow.onRollback(u -> slots.updateOne(
                and(eq("_id", partnerId), eq("planId", planId), eq("generation", generation)),
                Updates.set("planId", previous))));
        return new RecommendationSlot.Taken(previous, generation);
    }

    private Document takeSlot(String partnerId, String planId) {
        return slots.findOneAndUpdate(eq("_id", partnerId),
                Updates.combine(Updates.set("planId", planId), Updates.inc("generation", 1L)),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
    }

    @Override
    public boolean isHeldBy(String partnerId, String planId) {
        Document slot = slots.find(eq("_id", partnerId)).first();
        return slot != null && planId.equals(slot.getString("planId"));
    }

    @EventHandler
    void on(PlanRecommendedEvent event) {
        // already so when taken by the command; needed when the lookups are rebuilt from the events
        if (event.slotGeneration() > 0) {
            slots.updateOne(and(eq("_id", event.partnerId()), lte("generation", event.slotGeneration())),
                    Updates.combine(Updates.set("planId", event.planId()),
                            Updates.set("generation", event.slotGeneration())));
            if (slots.find(eq("_id", event.partnerId())).first() == null) {
                slots.insertOne(new Document("_id", event.partnerId()).append("planId", event.planId())
                        .append("generation", event.slotGeneration()));
            }
        }
    }

    @EventHandler
    void on(PlanRecommendationWithdrawnEvent event) {
        if (event.reason() != RecommendationWithdrawalReason.REPLACED) {
            long freed = slots.updateOne(and(eq("_id", event.partnerId()), eq("planId", event.planId())),
                    Updates.set("planId", null)).getModifiedCount();
            if (freed > 0) {
                durability.flushBeforeCommit();
                CurrentUnitOfWork.ifStarted(uow -> uow.onRollback(u -> slots.updateOne(
                        and(eq("_id", event.partnerId()), eq("planId", null)),
                        Updates.set("planId", event.planId()))));
            }
        }
    }

    private static long generation(Document slot) {
        Object value = slot.get("generation");
        return value instanceof Number n ? n.longValue() : 0;
    }

    @EventHandler
    void on(PlanCreatedEvent event) {
        reserve(event.partnerId(), event.name(), event.planId());
    }

    @EventHandler
    void on(PlanDuplicatedEvent event) {
        reserve(event.partnerId(), event.name(), event.planId());
    }

    @EventHandler
    void on(PlanRevisedEvent event) {
        if (event.changedFields().contains("name")) {
            // the old name stays taken by this plan: names are never reused
            reserve(event.partnerId(), event.name(), event.planId());
        }
    }

    @Override
    public boolean isTakenByAnother(String partnerId, PlanName name, String planId) {
        String owner = names.ownerOf(key(partnerId, name));
        return owner != null && !owner.equals(planId);
    }

    private void reserve(String partnerId, PlanName name, String planId) {
        names.reserve(key(partnerId, name), planId,
                new Document("partnerId", partnerId).append("name", name.value()),
                () -> PlanNames.taken(name));
    }

    private static String key(String partnerId, PlanName name) {
        return partnerId + ":" + name.normalized();
    }
}
