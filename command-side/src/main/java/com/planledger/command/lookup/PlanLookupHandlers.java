package com.planledger.command.lookup;

import com.mongodb.client.MongoDatabase;
import com.planledger.command.plan.PlanNames;
import com.planledger.domain.plan.PlanCreatedEvent;
import com.planledger.domain.plan.PlanDuplicatedEvent;
import com.planledger.domain.plan.PlanName;
import com.planledger.domain.plan.PlanRevisedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Keeps the plan-name lookup in step with the plans, inside the unit of work that stores each plan event (a
 * subscribing processor whose errors propagate). A name taken by another plan of the partner makes the insert fail,
 * which rolls the whole command back: two concurrent creates with one name give exactly one plan.
 */
@Component
@ProcessingGroup(PlanLookupHandlers.GROUP)
public class PlanLookupHandlers implements PlanNames {

    /** The subscribing processing group of every command-side lookup. */
    public static final String GROUP = "command-lookups";

    private final Reservations names;

    public PlanLookupHandlers(MongoDatabase database, LookupDurability durability) {
        this.names = new Reservations(database.getCollection(LookupCollections.PLAN_NAMES), durability);
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
