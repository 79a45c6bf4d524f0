package com.planledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.planledger.domain.Ids;
import com.planledger.domain.plan.PlanActivatedEvent;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A read model that fails on an event parks it, with the rest of that partner's events, in the dead-letter queue
 * in MongoDB, and goes on with every other partner; the admin API counts and retries parked events.
 */
class DeadLetterEndToEndTest extends EndToEndTest {

    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    TransactionManager transactionManager;

    @Test
    void a_failing_event_is_parked_for_its_partner_and_every_other_partner_goes_on() {
        String poisoned = freshPartner();
        String healthy = freshPartner();
        JsonNode before = catalog();
        // an event the catalog cannot apply: a plan activated that was never created
        transactionManager.executeInTransaction(() -> storageEngine.appendEvents(new GenericDomainEventMessage<>(
                "Plan", Ids.planAggregate(poisoned, "ghost"), 0, new PlanActivatedEvent("ghost", poisoned))));
        admin.post("/v1/partners/" + poisoned + "/plans", TestPlans.plan("gold", "gold", "1"));
        admin.post("/v1/partners/" + healthy + "/plans?consistency=wait", TestPlans.plan("gold", "gold", "1"));

        assertThat(admin.get("/v1/partners/" + healthy + "/plans/gold").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                catalog().at("/deadLetters/events").asLong() >= before.at("/deadLetters/events").asLong() + 2);
        JsonNode parked = catalog();
        assertThat(parked.at("/deadLetters/sequences").asLong())
                .isEqualTo(before.at("/deadLetters/sequences").asLong() + 1);
        assertThat(parked.at("/status").asText()).isEqualTo("RUNNING");
        // parked events show as a metric; the read model still follows every other partner, so health stays UP
        String metrics = Api.at(port, null).get("/actuator/prometheus").text();
        assertThat(metrics).containsPattern("planledger_projections_parked_events\\{[^}]*"
                + "projection=\"plan-catalog\"[^}]*} " + parked.at("/deadLetters/events").asLong() + "\\.0");
        assertThat(Api.at(port, null).get("/actuator/health").at("/status")).isEqualTo("UP");
        // the poisoned partner's later events wait behind the failed one, in order
        assertThat(admin.get("/v1/partners/" + poisoned + "/plans/gold").status()).isEqualTo(404);

        Api.Response retry = admin.post("/v1/admin/projections/plan-catalog/dead-letters/retry", null);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body().at("/stillFailing").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(retry.body().at("/remaining/events").asLong()).isEqualTo(parked.at("/deadLetters/events").asLong());
    }

    private JsonNode catalog() {
        return admin.get("/v1/admin/projections/plan-catalog").body();
    }
}
