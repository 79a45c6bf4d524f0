package com.planledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.planledger.app.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The plan catalog over HTTP: create, revise, duplicate, archive, restore, recommend, pricing page. */
class PlanCatalogEndToEndTest extends EndToEndTest {

    private JsonNode awaitPlan(String planId, java.util.function.Predicate<JsonNode> condition) {
        List<JsonNode> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Api.Response r = admin.get(plans + "/" + planId);
            if (r.status() == 200 && condition.test(r.body())) {
                seen.add(r.body());
                return true;
            }
            return false;
        });
        return seen.get(0);
    }

    @Test
    void create_then_list_and_read_it_back() {
        Api.Response created = admin.post(plans, TestPlans.plan("gold", "gold", "499"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith(plans + "/gold");
        assertThat(created.at("/planId")).isEqualTo("gold");
        assertThat(created.at("/version")).isEqualTo("0");

        JsonNode gold = awaitPlan("gold", p -> true);
        assertThat(gold.at("/status").asText()).isEqualTo("ACTIVE");
        assertThat(gold.at("/visibility").asText()).isEqualTo("PUBLIC");
        assertThat(gold.at("/revision").asInt()).isEqualTo(1);
        assertThat(gold.at("/prices/MONTHLY").asText()).isEqualTo("499.00");
        assertThat(gold.at("/limits/contacts").asText()).isEqualTo("UNLIMITED");
        assertThat(gold.at("/tax/ratePercent").asText()).isEqualTo("18");
        assertThat(gold.at("/addOns/0/grants/messages").asLong()).isEqualTo(5000);
        assertThat(gold.at("/duplicatedFrom").isNull()).isTrue();

        Api.Response list = admin.get(plans + "?q=GOL");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().at("/total").asLong()).isEqualTo(1);
        assertThat(list.at("/items/0/planId")).isEqualTo("gold");
        assertThat(list.body().at("/items/0/subscriberCount").asLong()).isZero();
        assertThat(admin.get(plans + "?q=silver").body().at("/total").asLong()).isZero();
    }

    @Test
    void generated_id_when_none_is_given() {
        Map<String, Object> body = TestPlans.plan(null, "bronze", "99");
        body.remove("planId");
        Api.Response created = admin.post(plans + "?consistency=wait", body);
        assertThat(created.status()).isEqualTo(201);
        String id = created.at("/planId");
        assertThat(id).isNotBlank();
        assertThat(admin.get(plans + "/" + id).status()).isEqualTo(200);
    }

    @Test
    void revise_makes_a_revision_with_changed_fields_and_a_no_op_records_nothing() {
        admin.post(plans, TestPlans.plan("gold", "gold", "499"));
        Api.Response revised = admin.put(plans + "/gold", TestPlans.revision("gold", "549", 10));
        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
        assertThat(revised.at("/revision")).isEqualTo("2");
        assertThat(revised.at("/version")).isEqualTo("1");

        JsonNode gold = awaitPlan("gold", p -> p.at("/revision").asInt() == 2);
        assertThat(gold.at("/prices/MONTHLY").asText()).isEqualTo("549.00");
        assertThat(gold.at("/revisions/1/changedFields").toString())
                .isEqualTo("[\"prices.MONTHLY\",\"limits.teamMembers\"]");

        Api.Response same = admin.put(plans + "/gold", TestPlans.revision("gold", "549", 10));
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.at("/revision")).isEqualTo("2");
        assertThat(same.at("/version")).isEqualTo("1");
    }

    @Test
    void stale_if_match_is_412_and_nothing_changes() {
        admin.post(plans, TestPlans.plan("gold", "gold", "499"));
        admin.put(plans + "/gold", TestPlans.revision("gold", "549", 5));
        Api.Response stale = admin.with("If-Match", "\"0\"").post(plans + "/gold/deactivate", null);
        assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
        assertThat(stale.at("/code")).isEqualTo("VERSION_MISMATCH");
        Api.Response current = admin.with("If-Match", "1").post(plans + "/gold/deactivate", null);
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.at("/version")).isEqualTo("2");
    }

    @Test
    void duplicate_is_inactive_private_and_remembers_its_source() {
        admin.post(plans, TestPlans.plan("gold", "gold", "499"));
        admin.put(plans + "/gold", TestPlans.revision("gold", "549", 5));
        Api.Response copy = admin.post(plans + "/gold/duplicate",
                json("planId", "gold-copy", "name", "gold copy", "displayName", "Gold (copy)"));
        assertThat(copy.status()).as(copy.toString()).isEqualTo(201);
        assertThat(copy.header("Location")).endsWith(plans + "/gold-copy");

        JsonNode dup = awaitPlan("gold-copy", p -> true);
        assertThat(dup.at("/status").asText()).isEqualTo("INACTIVE");
        assertThat(dup.at("/visibility").asText()).isEqualTo("PRIVATE");
        assertThat(dup.at("/recommended").asBoolean()).isFalse();
        assertThat(dup.at("/revision").asInt()).isEqualTo(1);
        assertThat(dup.at("/displayName").asText()).isEqualTo("Gold (copy)");
        assertThat(dup.at("/prices/MONTHLY").asText()).isEqualTo("549.00");
        assertThat(dup.at("/duplicatedFrom/planId").asText()).isEqualTo("gold");
        assertThat(dup.at("/duplicatedFrom/revision").asInt()).isEqualTo(2);

        Api.Response sameName = admin.post(plans + "/gold/duplicate", json("name", "GOLD COPY"));
        assertThat(sameName.status()).isEqualTo(409);
        assertThat(sameName.at("/code")).isEqualTo("PLAN_NAME_TAKEN");
    }

    @Test
    void archive_blocks_revise_and_restore_brings_it_back_inactive_and_private() {
        admin.post(plans, TestPlans.plan("gold", "gold", "499"));
        assertThat(admin.post(plans + "/gold/archive", null).status()).isEqualTo(200);

        Api.Response revise = admin.put(plans + "/gold", TestPlans.revision("gold", "1", 5));
        assertThat(revise.status()).isEqualTo(422);
        assertThat(revise.at("/code")).isEqualTo("PLAN_ARCHIVED");
        assertThat(admin.post(plans + "/gold/activate", null).at("/code")).isEqualTo("PLAN_ARCHIVED");
        assertThat(admin.post(plans + "/gold/recommend", null).at("/code")).isEqualTo("PLAN_ARCHIVED");
        awaitPlan("gold", p -> p.at("/archived").asBoolean());
        assertThat(admin.get(plans + "?archived=true").body().at("/total").asLong()).isEqualTo(1);
        assertThat(admin.get(plans + "?archived=false").body().at("/total").asLong()).isZero();

        // an archived plan's name stays taken
        Api.Response reuse = admin.post(plans, TestPlans.plan("gold-2", "Gold", "499"));
        assertThat(reuse.status()).isEqualTo(409);
        assertThat(reuse.at("/code")).isEqualTo("PLAN_NAME_TAKEN");

        assertThat(admin.post(plans + "/gold/restore", null).status()).isEqualTo(200);
        JsonNode restored = awaitPlan("gold", p -> !p.at("/archived").asBoolean());
        assertThat(restored.at("/status").asText()).isEqualTo("INACTIVE");
        assertThat(restored.at("/visibility").asText()).isEqualTo("PRIVATE");
    }

    @Test
    void recommending_another_plan_withdraws_the_previous_one() {
        admin.post(plans, TestPlans.plan("gold", "gold", "499"));
        admin.post(plans, TestPlans.plan("silver", "silver", "299"));
        assertThat(admin.post(plans + "/gold/recommend", null).status()).isEqualTo(200);
        awaitPlan("gold", p -> p.at("/recommended").asBoolean());

        assertThat(admin.post(plans + "/silver/recommend", null).status()).isEqualTo(200);
        awaitPlan("silver", p -> p.at("/recommended").asBoolean());
        awaitPlan("gold", p -> !p.at("/recommended").asBoolean());
        JsonNode page = admin.get("/v1/partners/" + partner + "/pricing-page").body();
        assertThat(page.at("/recommendedPlanId").asText()).isEqualTo("silver");
        assertThat(page.at("/plans/0/planId").asText()).isEqualTo("silver");
    }

    @Test
    void right_after_a_recommendation_no_reader_sees_two_recommended_plans() {
        admin.post(plans, TestPlans.plan("a", "a", "499"));
        admin.post(plans, TestPlans.plan("b", "b", "299"));
        assertThat(admin.post(plans + "/a/recommend?consistency=wait", null).status()).isEqualTo(200);
        assertThat(admin.post(plans + "/b/recommend?consistency=wait", null).status()).isEqualTo(200);
        assertThat(recommendedIn(admin.get(plans + "?size=50").body())).containsExactly("b");
        assertThat(admin.get(plans + "/a").body().at("/recommended").asBoolean()).isFalse();
        assertThat(admin.get("/v1/partners/" + partner + "/pricing-page").body().at("/recommendedPlanId").asText())
                .isEqualTo("b");
    }

    @Test
    void twenty_concurrent_recommendations_leave_exactly_one_recommended_at_every_poll() throws Exception {
        int racers = 20;
        for (int i = 0; i <= racers; i++) {
            assertThat(admin.post(plans, TestPlans.plan("p" + i, "plan" + i, "99")).status()).isEqualTo(201);
        }
        assertThat(admin.post(plans + "/p0/recommend?consistency=wait", null).status()).isEqualTo(200);

        List<List<String>> polls = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.ScheduledExecutorService poller = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor();
        poller.scheduleWithFixedDelay(() -> {
            polls.add(recommendedIn(admin.get(plans + "?size=50").body()));
            polls.add(recommendedIn(admin.get("/v1/partners/" + partner + "/pricing-page").body(), "/plans"));
        }, 0, 20, java.util.concurrent.TimeUnit.MILLISECONDS);
        @SuppressWarnings("unchecked")
        java.util.concurrent.Callable<Integer>[] recommends = new java.util.concurrent.Callable[racers];
        for (int i = 0; i < racers; i++) {
            String plan = "p" + (i + 1);
            recommends[i] = () -> admin.post(plans + "/" + plan + "/recommend", null).status();
        }
        List<Integer> statuses = AtOnce.run(recommends);
        assertThat(statuses).containsOnly(200);
        // the plans' own events catch up with the slot: every replaced plan is withdrawn
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<String> recommended = new ArrayList<>();
            for (int i = 0; i <= racers; i++) {
                JsonNode plan = admin.get(plans + "/p" + i + "?asOf=" + java.time.Instant.now())
                        .body();
                if (plan.at("/recommended").asBoolean()) {
                    recommended.add(plan.at("/planId").asText());
                }
            }
            return recommended.size() == 1;
        });
        // a few more polls once everything settled, then stop polling
        int settled = polls.size();
        await().atMost(Duration.ofSeconds(10)).until(() -> polls.size() >= settled + 4);
        poller.shutdown();
        assertThat(poller.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        List<String> after = recommendedIn(admin.get(plans + "?size=50").body());
        assertThat(after).hasSize(1);
        assertThat(after.get(0)).isNotEqualTo("p0");
        assertThat(polls).hasSizeGreaterThan(4).allSatisfy(poll -> assertThat(poll).hasSize(1));
        JsonNode page = admin.get("/v1/partners/" + partner + "/pricing-page").body();
        assertThat(page.at("/recommendedPlanId").asText()).isEqualTo(after.get(0));
        await().atMost(Duration.ofSeconds(10)).until(() -> after.get(0).equals(
                admin.get("/v1/partners/" + partner + "/dashboard").body().at("/recommendedPlan/planId").asText()));
    }

    @Test
    void a_partners_first_recommendations_racing_each_other_all_succeed_and_one_stays() throws Exception {
        int racers = 10;
        @SuppressWarnings("unchecked")
        java.util.concurrent.Callable<Integer>[] recommends = new java.util.concurrent.Callable[racers];
        for (int i = 0; i < racers; i++) {
            String plan = "first" + i;
            assertThat(admin.post(plans, TestPlans.plan(plan, plan, "99")).status()).isEqualTo(201);
            recommends[i] = () -> admin.post(plans + "/" + plan + "/recommend", null).status();
        }
        assertThat(AtOnce.run(recommends)).containsOnly(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> admin.get("/v1/partners/" + partner + "/pricing-page")
                .body().at("/recommendedPlanId").isTextual());
        assertThat(recommendedIn(admin.get(plans + "?size=50").body())).hasSize(1);
    }

    private static List<String> recommendedIn(JsonNode list) {
        return recommendedIn(list, "/items");
    }

    private static List<String> recommendedIn(JsonNode answer, String plansPointer) {
        List<String> recommended = new ArrayList<>();
        answer.at(plansPointer).forEach(plan -> {
            if (plan.at("/recommended").asBoolean()) {
                recommended.add(plan.at("/planId").asText());
            }
        });
        return recommended;
    }

    @Test
    void pricing_page_shows_only_active_public_non_archived_plans_recommended_first() {
        admin.post(plans, TestPlans.plan("listed", "listed", "99"));
        admin.post(plans, TestPlans.plan("recommended", "recommended", "199"));
        admin.post(plans, TestPlans.plan("inactive", "inactive", "299"));
        admin.post(plans, TestPlans.plan("hidden", "hidden", "399"));
        admin.post(plans, TestPlans.plan("archived", "archived", "499"));
        admin.post(plans + "/inactive/deactivate", null);
        admin.post(plans + "/hidden/visibility", json("visibility", "PRIVATE"));
        admin.post(plans + "/archived/archive", null);
        admin.post(plans + "/recommended/recommend?consistency=wait", null);

        JsonNode page = admin.get("/v1/partners/" + partner + "/pricing-page").body();
        List<String> ids = new ArrayList<>();
        page.at("/plans").forEach(p -> ids.add(p.at("/planId").asText()));
        assertThat(ids).containsExactly("recommended", "listed");

        // a PRIVATE plan stays in the partner's own list
        assertThat(admin.get(plans + "?visibility=PRIVATE").at("/items/0/planId")).isEqualTo("hidden");
        assertThat(admin.get(plans + "?status=INACTIVE").at("/items/0/planId")).isEqualTo("inactive");
    }

    @Test
    void hiding_the_recommended_plan_withdraws_the_recommendation() {
        admin.post(plans, TestPlans.plan("gold", "gold", "499"));
        admin.post(plans + "/gold/recommend", null);
        admin.post(plans + "/gold/visibility?consistency=wait", json("visibility", "PRIVATE"));
        JsonNode gold = awaitPlan("gold", p -> p.at("/visibility").asText().equals("PRIVATE"));
        assertThat(gold.at("/recommended").asBoolean()).isFalse();
    }
}
