package com.planledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.planledger.app.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Audit over HTTP: who did what (metadata), history with diffs, state as of an instant, the partner's export. */
class AuditEndToEndTest extends EndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private List<JsonNode> export(String partnerId, String query) {
        Api.Response r = admin.get("/v1/partners/" + partnerId + "/events" + query);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/x-ndjson");
        return r.lines();
    }

    @Test
    void every_event_carries_who_did_it_the_request_and_the_correlation() {
        Api traced = admin.with("X-Request-Id", "req-" + partner);
        traced.post(plans, TestPlans.plan("gold", "gold", "499"));
        traced.post(plans + "/gold/recommend", null);
        admin.post(plans, TestPlans.plan("silver", "silver", "299"));
        as(PARTNER_A_KEY).get("/v1/partners/" + PARTNER_A + "/plans");
        admin.post(plans + "/silver/recommend", null);
        // the policy withdraws gold's recommendation: caused by silver's recommendation, by the same caller
        await().atMost(Duration.ofSeconds(20)).until(() ->
                export(partner, "").stream().anyMatch(l -> l.at("/type").asText()
                        .equals("PlanRecommendationWithdrawnEvent")));
        List<JsonNode> events = export(partner, "");
        assertThat(events).hasSize(5);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.at("/actor").asText()).isEqualTo("api-key:ops-1");
            assertThat(e.at("/requestId").isNull()).isFalse();
            assertThat(e.at("/correlationId").isNull()).isFalse();
        });
        assertThat(events.get(0).at("/requestId").asText()).isEqualTo("req-" + partner);
        assertThat(events.get(0).at("/payload/terms/prices/MONTHLY").asText()).isEqualTo("499.00");
        JsonNode withdrawn = events.get(4);
        assertThat(withdrawn.at("/payload/reason").asText()).isEqualTo("REPLACED");
        assertThat(withdrawn.at("/requestId").asText()).isEqualTo(events.get(3).at("/requestId").asText());
    }

    @Test
    void the_history_of_a_revision_shows_each_changed_field_before_and_after() {
        admin.post(plans, TestPlans.plan("gold", "gold", "499"));
        Api.Response revised = admin.with("X-Request-Id", "revise-1")
                .put(plans + "/gold", TestPlans.revision("gold", "549", 10));
        assertThat(revised.status()).isEqualTo(200);
        admin.post(plans + "/gold/archive", null);

        JsonNode history = admin.get(plans + "/gold/history").body();
        assertThat(history.at("/total").asLong()).isEqualTo(3);
        JsonNode revision = history.at("/items/1");
        assertThat(revision.at("/type").asText()).isEqualTo("PlanRevisedEvent");
        assertThat(revision.at("/sequence").asLong()).isEqualTo(1);
        assertThat(revision.at("/revision").asInt()).isEqualTo(2);
        assertThat(revision.at("/payloadRevision").asText()).isEqualTo("1");
        assertThat(revision.at("/actor").asText()).isEqualTo("api-key:ops-1");
        assertThat(revision.at("/requestId").asText()).isEqualTo("revise-1");
        assertThat(revision.at("/at").asText()).isNotBlank();
        assertThat(change(revision, "prices.MONTHLY")).isEqualTo(json("before", "499.00", "after", "549.00"));
        assertThat(change(revision, "limits.teamMembers")).isEqualTo(json("before", 5, "after", 10));
        assertThat(change(revision, "revision")).isEqualTo(json("before", 1, "after", 2));
        assertThat(revision.at("/payload/terms/prices/MONTHLY").asText()).isEqualTo("549.00");
        JsonNode archive = history.at("/items/2");
        assertThat(change(archive, "archived")).isEqualTo(json("before", false, "after", true));
        assertThat(admin.get(plans + "/nope/history").at("/code")).isEqualTo("PLAN_NOT_FOUND");
        assertThat(as(PARTNER_A_KEY).get(plans + "/gold/history").status()).isEqualTo(404);
    }

    @Test
    void a_page_of_history_shows_the_same_entries_as_the_whole_history() {
        admin.post(plans, TestPlans.plan("gold", "gold", "100"));
        for (int price = 101; price <= 105; price++) {
            assertThat(admin.put(plans + "/gold", TestPlans.revision("gold", String.valueOf(price), 5)).status())
                    .isEqualTo(200);
        }
        JsonNode whole = admin.get(plans + "/gold/history").body();
        assertThat(whole.at("/total").asLong()).isEqualTo(6);
        JsonNode page = admin.get(plans + "/gold/history?page=1&size=2").body();
        assertThat(page.at("/total").asLong()).isEqualTo(6);
        assertThat(page.at("/items")).hasSize(2);
        assertThat(page.at("/items/0")).isEqualTo(whole.at("/items/2"));
        assertThat(page.at("/items/1")).isEqualTo(whole.at("/items/3"));
        assertThat(page.at("/items/0/changes").findValuesAsText("field")).contains("prices.MONTHLY");
        assertThat(admin.get(plans + "/gold/history?page=3&size=2").body().at("/items")).isEmpty();
    }

    @Test
    void as_of_an_instant_between_two_revisions_answers_the_older_terms_and_before_creation_404() {
        Instant beforeCreation = Instant.now();
        admin.post(plans, TestPlans.plan("gold", "gold", "499"));
        Instant betweenRevisions = Instant.now();
        await().atMost(Duration.ofSeconds(1)).pollDelay(Duration.ofMillis(5)).until(() ->
                Instant.now().isAfter(betweenRevisions));
        admin.put(plans + "/gold", TestPlans.revision("gold", "549", 10));

        JsonNode then = admin.get(plans + "/gold?asOf=" + betweenRevisions).body();
        assertThat(then.at("/revision").asInt()).isEqualTo(1);
        assertThat(then.at("/prices/MONTHLY").asText()).isEqualTo("499.00");
        assertThat(then.at("/limits/teamMembers").asInt()).isEqualTo(5);
        JsonNode now = admin.get(plans + "/gold?asOf=" + Instant.now()).body();
        assertThat(now.at("/revision").asInt()).isEqualTo(2);
        Api.Response before = admin.get(plans + "/gold?asOf=" + beforeCreation.minusSeconds(1));
        assertThat(before.status()).isEqualTo(404);
        assertThat(before.at("/code")).isEqualTo("PLAN_NOT_FOUND");
        assertThat(admin.get(plans + "/gold?asOf=yesterday").status()).isEqualTo(400);
    }

    @Test
    void a_customers_history_and_state_as_of_an_instant_show_the_plan_it_was_on() {
        Map<String, Object> gold = TestPlans.plan("gold", "gold", "499");
        gold.put("trialDays", 0);
        admin.post(plans, gold);
        admin.post(plans, TestPlans.plan("silver", "silver", "299"));
        admin.post(customers, json("customerId", "acme", "companyName", "Acme", "email", "ops@acme.example",
                "planId", "gold", "billingCycle", "MONTHLY"));
        Instant onGold = Instant.now();
        await().atMost(Duration.ofSeconds(1)).pollDelay(Duration.ofMillis(5)).until(() ->
                Instant.now().isAfter(onGold));
        admin.post(customers + "/acme/plan", json("planId", "silver", "billingCycle", "YEARLY"));
        admin.put(customers + "/acme", json("companyName", "Acme Inc", "email", "ops@acme.example"));

        JsonNode then = admin.get(customers + "/acme?asOf=" + onGold).body();
        assertThat(then.at("/subscription/planId").asText()).isEqualTo("gold");
        assertThat(then.at("/companyName").asText()).isEqualTo("Acme");
        JsonNode history = admin.get(customers + "/acme/history").body();
        List<String> types = new ArrayList<>();
        history.at("/items").forEach(e -> types.add(e.at("/type").asText()));
        // the assignment and the prorated change each issue an invoice; the first, due at once, makes it past due
        assertThat(types).containsExactly("CustomerRegisteredEvent", "CustomerPlanAssignedEvent",
                "InvoiceIssuedEvent", "CustomerPastDueEvent", "CustomerPlanChangedEvent", "InvoiceIssuedEvent",
                "CustomerProfileUpdatedEvent");
        JsonNode change = history.at("/items/4");
        assertThat(change(change, "planId")).isEqualTo(json("before", "gold", "after", "silver"));
        assertThat(change(change, "billingCycle")).isEqualTo(json("before", "MONTHLY", "after", "YEARLY"));
        assertThat(change(change, "price")).isEqualTo(json("before", "499.00", "after", "4990.00"));
        assertThat(change(history.at("/items/6"), "companyName")).isEqualTo(json("before", "Acme", "after",
                "Acme Inc"));
    }

    @Test
    void the_export_streams_the_partners_events_in_order_filtered_and_never_another_partners() {
        admin.post(plans, TestPlans.plan("gold", "gold", "499"));
        Instant afterCreate = Instant.now();
        await().atMost(Duration.ofSeconds(1)).pollDelay(Duration.ofMillis(5)).until(() ->
                Instant.now().isAfter(afterCreate));
        admin.post(plans + "/gold/deactivate", null);
        admin.post(plans + "/gold/activate", null);
        String other = freshPartner();
        admin.post("/v1/partners/" + other + "/plans", TestPlans.plan("gold", "gold", "1"));

        List<JsonNode> all = export(partner, "");
        assertThat(all).extracting(e -> e.at("/type").asText())
                .containsExactly("PlanCreatedEvent", "PlanDeactivatedEvent", "PlanActivatedEvent");
        assertThat(all).extracting(e -> e.at("/sequence").asLong()).containsExactly(0L, 1L, 2L);
        assertThat(all.get(0).at("/position").asLong()).isLessThan(all.get(2).at("/position").asLong());
        assertThat(all).allSatisfy(e -> assertThat(e.at("/payload/partnerId").asText()).isEqualTo(partner));
        assertThat(export(other, "")).hasSize(1);
        assertThat(export(partner, "?type=PlanActivatedEvent,PlanCreatedEvent"))
                .extracting(e -> e.at("/type").asText()).containsExactly("PlanCreatedEvent", "PlanActivatedEvent");
        assertThat(export(partner, "?from=" + afterCreate)).extracting(e -> e.at("/type").asText())
                .containsExactly("PlanDeactivatedEvent", "PlanActivatedEvent");
        assertThat(export(partner, "?to=" + afterCreate)).extracting(e -> e.at("/type").asText())
                .containsExactly("PlanCreatedEvent");
        assertThat(export(freshPartner(), "")).isEmpty();
        assertThat(as(PARTNER_A_KEY).get("/v1/partners/" + partner + "/events").status()).isEqualTo(404);
        assertThat(as(AUDITOR_KEY).get("/v1/partners/" + partner + "/events").status()).isEqualTo(200);
    }

    private static Map<String, Object> change(JsonNode entry, String field) {
        for (JsonNode change : entry.at("/changes")) {
            if (change.at("/field").asText().equals(field)) {
                return JSON.convertValue(Map.of("before", change.get("before"), "after", change.get("after")),
                        Map.class);
            }
        }
        throw new AssertionError("no change of " + field + " in " + entry);
    }
}
