package com.planledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Sorts;
import com.planledger.query.store.ReadModelStore;
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
 * The admin API lists every read model's processor, and a replay rebuilds a read model from the events into its
 * next generation while the live one keeps serving: no read misses anything meanwhile, and afterwards every
 * collection of it is exactly what it was.
 */
class ReplayEndToEndTest extends EndToEndTest {

    @Autowired
    ReadModelStore store;
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

            int generation = admin.get("/v1/admin/projections/" + name).body().at("/generation").asInt();
            Api.Response started = admin.post("/v1/admin/projections/" + name + "/replay", null);
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            assertThat(started.body().at("/rebuild/generation").asInt()).isEqualTo(generation + 1);
            // the service keeps serving while the read model is rebuilt
            assertThat(admin.get(plans).status()).isEqualTo(200);
            awaitCaughtUp(name);

            assertThat(head()).as("no event was stored meanwhile").isEqualTo(headBefore);
            JsonNode after = admin.get("/v1/admin/projections/" + name).body();
            assertThat(after.at("/generation").asInt()).isEqualTo(generation + 1);
            assertThat(after.at("/rebuild/status").asText()).isEqualTo("SWITCHED");
            assertThat(fingerprint(name)).as("the rebuilt " + name).isEqualTo(before);
        }
        assertThat(admin.get(customers + "/c2").at("/users/0/email")).isEqualTo("u@c2.example");
    }

    @Test
    void reads_answer_throughout_a_replay_and_writes_during_it_reach_the_new_generation() throws Exception {
        String partner = freshPartner();
        String plans = "/v1/partners/" + partner + "/plans";
        String customers = "/v1/partners/" + partner + "/customers";
        admin.post(plans, TestPlans.plan("gold", "gold", "499"));
        int count = 150;
        for (int i = 0; i < count; i++) {
            admin.post(customers, json("customerId", "c" + i, "companyName", "C" + i, "email", "c" + i + "@x.example",
                    "planId", "gold", "billingCycle", "MONTHLY"));
        }
        assertThat(admin.post(customers + "/c0/users?consistency=wait", json("email", "u@c0.example", "role",
                "OWNER")).status()).isEqualTo(201);

        for (String name : List.of("customers", "plan-catalog", "dashboard")) {
            awaitCaughtUp(name);
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
            java.util.List<String> misses = java.util.Collections.synchronizedList(new ArrayList<>());
            Thread poller = new Thread(() -> {
                java.util.Random random = new java.util.Random(7);
                while (!stop.get()) {
                    String id = "c" + random.nextInt(count);
                    for (String path : List.of(customers + "/" + id + "/entitlements", customers + "/" + id,
                            plans + "/gold", "/v1/partners/" + partner + "/dashboard")) {
                        Api.Response read = admin.get(path);
                        reads.incrementAndGet();
                        if (read.status() != 200) {
                            misses.add(path + " " + read.status());
                        }
                    }
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            poller.start();
            try {
                Api.Response started = admin.post("/v1/admin/projections/" + name + "/replay", null);
                assertThat(started.status()).as(started.toString()).isEqualTo(202);
                assertThat(admin.post("/v1/admin/projections/" + name + "/replay", null).status())
                        .as("one rebuild at a time").isEqualTo(409);
                // a write during the rebuild: the live generation shows it at once, the new one after the switch
                String late = "late-" + name;
                Api.Response written = admin.post(customers + "?consistency=wait", json("customerId", late,
                        "companyName", "Late", "email", late + "@x.example", "planId", "gold",
                        "billingCycle", "MONTHLY"));
                assertThat(written.status()).as(written.toString()).isEqualTo(201);
                awaitCaughtUp(name);
                assertThat(admin.get(customers + "/" + late).status()).isEqualTo(200);
            } finally {
                stop.set(true);
                poller.join();
            }
            assertThat(misses).as("reads that missed during the replay of " + name).isEmpty();
            assertThat(reads.get()).as("reads during the replay of " + name).isGreaterThan(4);
        }
        assertThat(admin.get(customers + "/c0").at("/users/0/email")).isEqualTo("u@c0.example");
        assertThat(admin.get("/v1/partners/" + partner + "/dashboard").at("/customers/total"))
                .isEqualTo(String.valueOf(count + 3));
    }

    @Test
    void a_rebuild_can_be_cancelled_and_the_live_generation_stays() {
        awaitCaughtUp("plan-catalog");
        int generation = admin.get("/v1/admin/projections/plan-catalog").body().at("/generation").asInt();
        assertThat(admin.delete("/v1/admin/projections/plan-catalog/replay").status()).isEqualTo(404);
        Api.Response started = admin.post("/v1/admin/projections/plan-catalog/replay", null);
        assertThat(started.status()).isEqualTo(202);
        Api.Response cancelled = admin.delete("/v1/admin/projections/plan-catalog/replay");
        // the rebuild may have switched already on a small store; then there is nothing left to cancel
        if (cancelled.status() == 200) {
            assertThat(cancelled.body().at("/rebuild/status").asText()).isEqualTo("CANCELLED");
            assertThat(cancelled.body().at("/generation").asInt()).isEqualTo(generation);
            assertThat(cancelled.body().at("/replaying").asBoolean()).isFalse();
        } else {
            assertThat(cancelled.status()).isEqualTo(404);
            assertThat(admin.get("/v1/admin/projections/plan-catalog").body().at("/rebuild/status").asText())
                    .isEqualTo("SWITCHED");
        }
    }

    private void awaitCaughtUp(String name) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode p = admin.get("/v1/admin/projections/" + name).body();
            return !p.at("/replaying").asBoolean() && p.at("/lag").asLong() == 0
                    && !"SWITCHING".equals(p.at("/rebuild/status").asText())
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
            for (Document doc : store.collection(collection.asText()).find().sort(Sorts.ascending("_id"))) {
                digest.update(ReadStoreContents.normalised(doc).toJson().getBytes(StandardCharsets.UTF_8));
                count++;
            }
            prints.put(collection.asText(), count == 0 ? "" : count + ":" + HexFormat.of().formatHex(digest.digest()));
        }
        return prints;
    }
}
