package com.planledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.planledger.command.TestTerms;
import com.mongodb.client.MongoDatabase;
import com.planledger.command.lookup.LookupCollections;
import com.planledger.command.lookup.LookupRebuilder;
import com.planledger.domain.Ids;
import com.planledger.domain.plan.PlanCreatedEvent;
import com.planledger.domain.plan.PlanName;
import com.planledger.domain.plan.PlanType;
import com.planledger.domain.plan.Visibility;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * History that breaks a set rule (two plans of one partner with one name, as two command instances with their own
 * lookups once wrote) does not stop a rebuild of the lookups: it is listed for operators, the lookup keeps the
 * first owner, and the rule holds for every new command.
 */
class LookupConflictsEndToEndTest extends EndToEndTest {

    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    LookupRebuilder rebuilder;
    @Autowired
    MongoDatabase database;

    @Test
    void a_duplicate_name_in_the_event_store_is_reported_and_the_rebuild_goes_on() {
        assertThat(admin.post(plans, TestPlans.plan("seq-1", "seq-1", "499")).status()).isEqualTo(201);
        // a second plan with the same name, straight into the event store, past every rule
        transactionManager.executeInTransaction(() -> storageEngine.appendEvents(new GenericDomainEventMessage<>(
                "Plan", Ids.planAggregate(partner, "seq-2"), 0, new PlanCreatedEvent("seq-2", partner, PlanType.USAGE_BASED,
                PlanName.of("seq-1"), Visibility.PUBLIC, 1, TestTerms.gold()))));

        assertThat(rebuilder.rebuild()).as("the whole store was read").isPositive();

        JsonNode conflicts = admin.get("/v1/admin/lookups/conflicts").body();
        JsonNode ours = null;
        for (JsonNode conflict : conflicts) {
            if (Ids.planAggregate(partner, "seq-2").equals(conflict.at("/aggregateId").asText())) {
                ours = conflict;
            }
        }
        assertThat(ours).as(conflicts.toString()).isNotNull();
        assertThat(ours.at("/eventType").asText()).isEqualTo("PlanCreatedEvent");
        assertThat(ours.at("/code").asText()).isEqualTo("PLAN_NAME_TAKEN");
        // the first owner keeps the name, and the rule holds for new plans
        Document name = database.getCollection(LookupCollections.PLAN_NAMES)
                .find(eq("_id", partner + ":" + PlanName.of("seq-1").normalized())).first();
        assertThat(name.getString("owner")).isEqualTo("seq-1");
        assertThat(admin.post(plans, TestPlans.plan("seq-3", "seq-1", "499")).at("/code"))
                .isEqualTo("PLAN_NAME_TAKEN");
        // operators only
        assertThat(as(PARTNER_A_KEY).get("/v1/admin/lookups/conflicts").status()).isEqualTo(403);
    }
}
