package com.planledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.planledger.domain.Ids;
import com.planledger.domain.plan.PlanActivatedEvent;
import com.planledger.domain.plan.PlanDeactivatedEvent;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A read model that fails on an event parks it, with the later events of that aggregate, in the dead-letter queue
 * in MongoDB, and goes on with every other aggregate, of the same partner too; the admin API lists, counts,
 * retries and drops parked events.
 */
class DeadLetterEndToEndTest extends EndToEndTest {

    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    TransactionManager transactionManager;

    @Test
    void a_failing_event_parks_its_aggregate_only_and_can_be_listed_retried_and_dropped() {
        String poisoned = freshPartner();
        String healthy = freshPartner();
        String ghost = Ids.planAggregate(poisoned, "ghost");
        JsonNode before = catalog();
        // events the catalog cannot apply: a plan activated and deactivated that was never created
        transactionManager.executeInTransaction(() -> storageEngine.appendEvents(
                new GenericDomainEventMessage<>("Plan", ghost, 0, new PlanActivatedEvent("ghost", poisoned)),
                new GenericDomainEventMessage<>("Plan", ghost, 1, new PlanDeactivatedEvent("ghost", poisoned))));
        admin.post("/v1/partners/" + healthy + "/plans?consistency=wait", TestPlans.plan("gold", "gold", "1"));
        // the poisoned partner's other plans go on: only the ghost's sequence is parked
        Api.Response gold = admin.post("/v1/partners/" + poisoned + "/plans?consistency=wait",
                TestPlans.plan("gold", "gold", "1"));
        assertThat(gold.status()).as(gold.toString()).isEqualTo(201);
        assertThat(admin.get("/v1/partners/" + poisoned + "/plans/gold").status()).isEqualTo(200);
        assertThat(admin.get("/v1/partners/" + healthy + "/plans/gold").status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() ->
                catalog().at("/deadLetters/events").asLong() >= before.at("/deadLetters/events").asLong() + 2);
        JsonNode parked = catalog();
        assertThat(parked.at("/deadLetters/sequences").asLong())
                .isEqualTo(before.at("/deadLetters/sequences").asLong() + 1);
        assertThat(parked.at("/status").asText()).isEqualTo("RUNNING");
        // parked events show as a metric; the read model still follows every other aggregate, so health stays UP
        String metrics = Api.at(port, null).get("/actuator/prometheus").text();
        assertThat(metrics).containsPattern("planledger_projections_parked_events\\{[^}]*"
                + "projection=\"plan-catalog\"[^}]*} " + parked.at("/deadLetters/events").asLong() + "\\.0");
        assertThat(Api.at(port, null).get("/actuator/health").at("/status")).isEqualTo("UP");

        // listed: the ghost's sequence, both events in order, the first with its failure
        Api.Response list = admin.get("/v1/admin/projections/plan-catalog/dead-letters");
        assertThat(list.status()).isEqualTo(200);
        JsonNode sequence = null;
        for (JsonNode s : list.body()) {
            if (s.at("/sequence").asText().equals(ghost)) {
                sequence = s;
            }
        }
        assertThat(sequence).as(list.toString()).isNotNull();
        assertThat(sequence.at("/events/0/type").asText()).isEqualTo("PlanActivatedEvent");
        assertThat(sequence.at("/events/0/aggregateSequence").asLong()).isZero();
        assertThat(sequence.at("/events/0/cause").asText()).contains("arrived before the plan was created");
        assertThat(sequence.at("/events/1/type").asText()).isEqualTo("PlanDeactivatedEvent");
        assertThat(sequence.at("/events/1/aggregateId").asText()).isEqualTo(ghost);
        assertThat(admin.get("/v1/admin/projections/plan-catalog/dead-letters?limit=0").status()).isEqualTo(400);

        Api.Response retry = admin.post("/v1/admin/projections/plan-catalog/dead-letters/retry", null);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body().at("/stillFailing").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(retry.body().at("/remaining/events").asLong()).isEqualTo(parked.at("/deadLetters/events").asLong());

        // dropped: the sequence leaves the queue, and a second drop finds nothing
        Api.Response drop = admin.delete("/v1/admin/projections/plan-catalog/dead-letters?sequence=" + ghost);
        assertThat(drop.status()).as(drop.toString()).isEqualTo(200);
        assertThat(drop.body().at("/dropped").asInt()).isEqualTo(2);
        assertThat(drop.body().at("/remaining/events").asLong())
                .isEqualTo(parked.at("/deadLetters/events").asLong() - 2);
        assertThat(admin.delete("/v1/admin/projections/plan-catalog/dead-letters?sequence=" + ghost).at("/code"))
                .isEqualTo("NOT_FOUND");
        assertThat(admin.get("/v1/admin/projections/plan-catalog/dead-letters").text()).doesNotContain(ghost);
        // and only an ADMIN key reaches them
        assertThat(Api.at(port, null).get("/v1/admin/projections/plan-catalog/dead-letters").status())
                .isEqualTo(401);
    }

    private JsonNode catalog() {
        return admin.get("/v1/admin/projections/plan-catalog").body();
    }
}
