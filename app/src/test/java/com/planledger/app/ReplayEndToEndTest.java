package com.planledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.planledger.app.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The admin API lists every read model's processor, and a replay rebuilds a read model from the events while the
 * service keeps serving: afterwards every collection of it is exactly what it was.
 */
class ReplayEndToEndTest extends EndToEndTest {

    @Autowired
    MongoDatabase database;
    @Autowired
    EventStore eventStore;

    @Test
    void projections_are_listed_with_position_and_lag() {
        Api.Response list = admin.get("/v1/admin/projections");
        assertThat(list.status()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        list.body().forEach(p -> names.add(p.at("/name").asText()));
        assertThat(names).containsExactly("customers", "dashboard", "plan-catalog");
        JsonNode catalog = list.body().get(2);
        assertThat(catalog.at("/status").asText()).isEqualTo("RUNNING");
        assertThat(catalog.at("/replaying").asBoolean()).isFalse();
        assertThat(catalog.at("/collections/0").asText()).isEqualTo("plans");
        assertThat(catalog.has("lag")).isTrue();
        assertThat(admin.get("/v1/admin/projections/nope").status()).isEqualTo(404);
        assertThat(admin.post("/v1/admin/projections/nope/replay", null).status()).isEqualTo(404);
    }

    @Test
    void a_replay_rebuilds_each_read_model_exactly() throws Exception {
        String partner = freshPartner();
        String plans = "/v1/partners/" + partner + "/plans";
        String customers = "/v1/partners/" + partner + "/customers";
        // gold without a trial, so its customers are invoiced at once and the invoices read model has data of
        // this test's own
        Map<String, Object> gold = TestPlans.plan("gold", "gold", "499");
        gold.put("trialDays", 0);
        admin.post(plans, gold);
        admin.post(plans, TestPlans.plan("silver", "silver", "299"));
        Map<String, Object> revision = TestPlans.revision("gold", "549", 8);
        revision.put("trialDays", 0);
        admin.put(plans + "/gold", revision);
        admin.post(plans + "/silver/recommend", null);
        for (int i = 0; i < 5; i++) {
            admin.post(customers, json("customerId", "c" + i, "companyName", "C" + i, "email", "c" + i + "@x.example",
                    "planId", i % 2 == 0 ? "gold" : "silver", "billingCycle", "MONTHLY"));
        }
        admin.post(customers + "/c1/block", json("note", "check"));
        admin.post(customers + "/c0/payments", json("amount", "700.00", "currency", "INR", "reference", "r-1"));
        admin.post(customers + "/c2/users?consistency=wait", json("email", "u@c2.example", "role", "OWNER"));

        for (String name : List.of("plan-catalog", "customers", "dashboard")) {
            awaitCaughtUp(name);
            long headBefore = head();
            Map<String, String> before = fingerprint(name);
            assertThat(before.values()).as(name + " has data").noneMatch(String::isEmpty);

            Api.Response started = admin.post("/v1/admin/projections/" + name + "/replay", null);
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            // the service keeps serving while the read model is rebuilt
            assertThat(admin.get(plans).status()).isEqualTo(200);
            awaitCaughtUp(name);

            assertThat(head()).as("no event was stored meanwhile").isEqualTo(headBefore);
            assertThat(fingerprint(name)).as("the rebuilt " + name).isEqualTo(before);
        }
        assertThat(admin.get(customers + "/c2").at("/users/0/email")).isEqualTo("u@c2.example");
    }

    private void awaitCaughtUp(String name) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode p = admin.get("/v1/admin/projections/" + name).body();
            return !p.at("/replaying").asBoolean() && p.at("/lag").asLong() == 0
                    && "RUNNING".equals(p.at("/status").asText());
        });
    }

    private long head() {
        return eventStore.createHeadToken().position().orElseThrow();
    }

    /** Every collection of the read model: its documents in _id order, hashed. */
    private Map<String, String> fingerprint(String name) throws Exception {
        JsonNode projection = admin.get("/v1/admin/projections/" + name).body();
        Map<String, String> prints = new LinkedHashMap<>();
        for (JsonNode collection : projection.at("/collections")) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long count = 0;
            for (Document doc : database.getCollection(collection.asText()).find().sort(Sorts.ascending("_id"))) {
                digest.update(ReadStoreContents.normalised(doc).toJson().getBytes(StandardCharsets.UTF_8));
                count++;
            }
            prints.put(collection.asText(), count == 0 ? "" : count + ":" + HexFormat.of().formatHex(digest.digest()));
        }
        return prints;
    }
}
