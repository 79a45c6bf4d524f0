package com.planledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.planledger.domain.Ids;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.util.Map;

import static com.planledger.app.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Aggregates past their snapshot threshold (plans every 100 events, customers every 50) over HTTP: a plan with 250
 * events is still assignable, revisable and offered at its latest revision; a customer with 250 events still
 * answers every command with its whole state.
 */
class LongHistoryEndToEndTest extends EndToEndTest {

    @Autowired
    DataSource eventStoreDataSource;

    @Test
    void a_plan_with_250_events_is_snapshotted_and_still_assignable_at_its_latest_revision() throws Exception {
        assertThat(admin.post(plans, TestPlans.plan("gold", "gold", "499")).status()).isEqualTo(201);
        for (int i = 1; i < 250; i++) {
            Api.Response revised = admin.put(plans + "/gold", TestPlans.revision("gold", String.valueOf(500 + i), 5));
            assertThat(revised.status()).as("revision " + i + ": " + revised).isEqualTo(200);
        }
        assertThat(EventStoreRows.snapshotSequence(eventStoreDataSource, Ids.planAggregate(partner, "gold")))
                .as("a snapshot was stored").isGreaterThanOrEqualTo(99);

        Api.Response registered = admin.post(customers + "?consistency=wait", register("early"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        JsonNode early = admin.get(customers + "/early").body();
        assertThat(early.at("/subscription/planRevision").asInt()).isEqualTo(250);
        assertThat(early.at("/subscription/price").asText()).isEqualTo("749.00");

        Api.Response revised = admin.put(plans + "/gold", TestPlans.revision("gold", "999", 7));
        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
        assertThat(revised.at("/revision")).isEqualTo("251");
        assertThat(revised.at("/version")).isEqualTo("250");

        // an existing customer is assigned the plan's newest revision, read from snapshot plus tail
        assertThat(admin.post(customers + "?consistency=wait", json("customerId", "late", "companyName", "Late",
                "email", "late@example.com")).status()).isEqualTo(201);
        Api.Response assigned = admin.post(customers + "/late/plan?consistency=wait",
                json("planId", "gold", "billingCycle", "MONTHLY"));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        JsonNode late = admin.get(customers + "/late").body();
        assertThat(late.at("/subscription/planRevision").asInt()).isEqualTo(251);
        assertThat(late.at("/subscription/price").asText()).isEqualTo("999.00");
        assertThat(admin.post(plans + "/gold/archive", null).status()).isEqualTo(200);
        assertThat(admin.post(customers + "?consistency=wait", register("refused")).at("/code"))
                .isEqualTo("PLAN_ARCHIVED");
    }

    @Test
    void a_customer_with_250_events_is_snapshotted_and_keeps_its_whole_state() throws Exception {
        assertThat(admin.post(plans, TestPlans.plan("gold", "gold", "499")).status()).isEqualTo(201);
        assertThat(admin.post(customers, register("busy")).status()).isEqualTo(201);
        String busy = customers + "/busy";
        for (int i = 0; i < 248; i++) {
            Api.Response used = admin.post(busy + "/usage",
                    json("metric", "messages", "quantity", 10, "usageId", "u-" + i));
            assertThat(used.status()).as("usage " + i + ": " + used).isEqualTo(200);
        }
        // registration with a plan is two events: 250 in all
        assertThat(EventStoreRows.snapshotSequence(eventStoreDataSource, Ids.customerAggregate(partner, "busy")))
                .isGreaterThanOrEqualTo(199);

        // the counted usage survived the snapshots: 2,480 used, a repeated id records nothing, 7,520 remain
        Api.Response repeated = admin.post(busy + "/usage",
                json("metric", "messages", "quantity", 10, "usageId", "u-0"));
        assertThat(repeated.at("/version")).isEqualTo("249");
        Api.Response added = admin.post(busy + "/users?consistency=wait",
                json("email", "ana@busy.example", "role", "OWNER"));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        JsonNode entitlements = admin.get(busy + "/entitlements").body();
        assertThat(entitlements.at("/usage/messages").asLong()).isEqualTo(2_480);
        assertThat(entitlements.at("/remaining/messages").asLong()).isEqualTo(7_520);
        assertThat(entitlements.at("/usage/teamMembers").asLong()).isEqualTo(1);
        Api.Response blocked = admin.post(busy + "/block?consistency=wait", json("note", "under review"));
        assertThat(blocked.status()).as(blocked.toString()).isEqualTo(200);
        assertThat(admin.get(busy).body().at("/state").asText()).isEqualTo("BLOCKED");
    }

    private Map<String, Object> register(String id) {
        return json("customerId", id, "companyName", "Company " + id, "email", id + "@example.com",
                "planId", "gold", "billingCycle", "MONTHLY");
    }
}
