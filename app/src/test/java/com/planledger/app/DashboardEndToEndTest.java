package com.planledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.planledger.app.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The partner dashboard: counts and MRR after a scripted scenario, readable activity, and the live stream. */
class DashboardEndToEndTest extends EndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private void plan(String id, String currency, Map<String, Object> prices, int trialDays) {
        Map<String, Object> body = TestPlans.plan(id, id, "1");
        body.put("displayName", id.substring(0, 1).toUpperCase() + id.substring(1));
        body.put("currency", currency);
        body.put("prices", prices);
        body.put("trialDays", trialDays);
        body.put("addOns", List.of());
        Api.Response r = admin.post(plans, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    private void pay(String id, String amount, String currency) {
        Api.Response r = admin.post(customers + "/" + id + "/payments", json("amount", amount, "currency", currency,
                "reference", "pay-" + id));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private void customer(String id, String planId, String cycle) {
        Map<String, Object> body = json("customerId", id, "companyName", id.toUpperCase(), "email",
                id + "@" + partner + ".example");
        if (planId != null) {
            body.put("planId", planId);
            body.put("billingCycle", cycle);
        }
        Api.Response r = admin.post(customers, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    private JsonNode dashboard() {
        Api.Response r = admin.get("/v1/partners/" + partner + "/dashboard");
        assertThat(r.status()).isEqualTo(200);
        return r.body();
    }

    @Test
    void counts_mrr_subscribers_and_activity_after_a_scripted_scenario() {
        plan("gold", "INR", json("MONTHLY", "499", "QUARTERLY", "1350", "YEARLY", "4990"), 0);
        plan("silver", "INR", json("MONTHLY", "299"), 0);
        plan("euro", "EUR", json("MONTHLY", "10"), 0);
        plan("trial", "INR", json("MONTHLY", "99"), 14);
        plan("old", "INR", json("MONTHLY", "1"), 0);
        plan("hidden", "INR", json("MONTHLY", "1"), 0);
        customer("c1", "gold", "MONTHLY");     // 499.00 a month
        customer("c2", "gold", "YEARLY");      // 4990 / 12 = 415.833...
        customer("c3", "silver", "MONTHLY");
        admin.post(customers + "/c3/plan", json("planId", "gold", "billingCycle", "QUARTERLY")); // 1350 / 3 = 450
        customer("c4", "euro", "MONTHLY");     // EUR 10.00
        customer("c5", "trial", "MONTHLY");    // trialing: pays nothing yet
        customer("c6", "gold", "MONTHLY");
        admin.post(customers + "/c6/block", json("note", "fraud check")); // blocked: pays nothing
        customer("c7", null, null);            // no plan
        // payments terms are 0: every first invoice is due at once; these pay more than due (the rest is credit)
        pay("c1", "1000", "INR");
        pay("c2", "6000", "INR");
        pay("c3", "3000", "INR");
        pay("c4", "20", "EUR");
        admin.post(customers + "/c1/users", json("email", "a@c1.example", "role", "OWNER"));
        admin.post(customers + "/c1/users", json("email", "b@c1.example", "role", "MEMBER"));
        admin.post(plans + "/old/archive", null);
        admin.post(plans + "/hidden/deactivate", null);
        admin.post(plans + "/gold/recommend?consistency=wait", null);

        await().atMost(Duration.ofSeconds(20)).until(() -> dashboard().at("/users").asLong() == 2
                && "gold".equals(dashboard().at("/recommendedPlan/planId").asText()));
        JsonNode d = dashboard();
        assertThat(d.at("/customers/total").asLong()).isEqualTo(7);
        assertThat(d.at("/customers/active").asLong()).as("paid, with a plan").isEqualTo(4);
        assertThat(d.at("/customers/withoutPlan").asLong()).isEqualTo(1);
        assertThat(d.at("/customers/trialing").asLong()).isEqualTo(1);
        assertThat(d.at("/customers/inGrace").asLong()).isZero();
        assertThat(d.at("/customers/blocked").asLong()).isEqualTo(1);
        assertThat(d.at("/customers/cancelled").asLong()).isZero();
        assertThat(d.at("/plans/active").asLong()).isEqualTo(4);
        assertThat(d.at("/plans/inactive").asLong()).isEqualTo(1);
        assertThat(d.at("/plans/archived").asLong()).isEqualTo(1);
        assertThat(d.at("/recommendedPlan/displayName").asText()).isEqualTo("Gold");
        // 499 (c1) + 4990 / 12 (c2) + 1350 / 3 (c3) + 499 (c6: blocked, still invoiced), net of the added GST
        assertThat(d.at("/monthlyRecurringRevenue/INR").asText()).isEqualTo("1863.83");
        // c6 never paid its first invoice: 499.00 + 18 % = 588.82, due at once
        assertThat(d.at("/money/INR/openAmount").asText()).isEqualTo("588.82");
        assertThat(d.at("/money/INR/overdueAmount").asText()).isEqualTo("588.82");
        assertThat(d.at("/money/INR/collectedLast30Days").asText()).isEqualTo("10000.00");
        assertThat(d.at("/money/EUR/collectedLast30Days").asText()).isEqualTo("20.00");
        assertThat(d.at("/monthlyRecurringRevenue/EUR").asText()).isEqualTo("10.00");
        assertThat(d.at("/subscribersPerPlan/0")).isEqualTo(JSON.valueToTree(
                json("planId", "gold", "displayName", "Gold", "subscribers", 4)));
        List<String> listed = new ArrayList<>();
        d.at("/subscribersPerPlan").forEach(p -> listed.add(p.at("/planId").asText()));
        assertThat(listed).containsExactly("gold", "euro", "trial");

        List<String> sentences = new ArrayList<>();
        d.at("/recentActivity").forEach(a -> sentences.add(a.at("/sentence").asText()));
        assertThat(sentences).hasSize(20);
        assertThat(sentences.get(0)).isEqualTo("Plan Gold recommended by api-key ops-1");
        assertThat(sentences).contains("Plan Hidden deactivated by api-key ops-1",
                "Plan Old archived by api-key ops-1",
                "User a@c1.example added to customer C1 as owner by api-key ops-1",
                "Customer C4 paid 20.00 EUR by api-key ops-1",
                "Customer C4 settled every overdue invoice");

        // a payment by another route changes nothing here; a block lifted by the partner moves C6 back
        admin.post(customers + "/c6/unblock?consistency=wait", null);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                dashboard().at("/monthlyRecurringRevenue/INR").asText().equals("1863.83"));
        assertThat(dashboard().at("/customers/blocked").asLong()).isZero();
    }

    @Test
    void an_unknown_partner_has_an_empty_dashboard() {
        JsonNode d = dashboard();
        assertThat(d.at("/customers/total").asLong()).isZero();
        assertThat(d.at("/recommendedPlan").isNull()).isTrue();
        assertThat(d.at("/recentActivity").size()).isZero();
    }

    @Test
    void the_stream_pushes_the_dashboard_on_every_change_with_heartbeats() throws Exception {
        plan("gold", "INR", json("MONTHLY", "499"), 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> dashboard().at("/plans/active").asLong() == 1);

        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/partners/"
                        + partner + "/dashboard/stream"))
                .header("Authorization", "Bearer " + ADMIN_KEY).header("Accept", "text/event-stream").build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (Exception e) {
                // the test closed the stream
            }
        }, "dashboard-stream-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> dashboards(lines).size() >= 1);
            assertThat(dashboards(lines).get(0).at("/customers/total").asLong()).isZero();

            // another partner's activity meanwhile never reaches this partner's stream
            String other = "/v1/partners/" + freshPartner();
            assertThat(admin.post(other + "/plans", TestPlans.plan("silver", "silver", "777")).status())
                    .isEqualTo(201);
            assertThat(admin.post(other + "/customers?consistency=wait", json("customerId", "intruder",
                    "companyName", "Intruder", "email", "intruder@other.example", "planId", "silver",
                    "billingCycle", "MONTHLY")).status()).isEqualTo(201);

            // registering with a plan is two events (registered, assigned): a push after each
            customer("new", "gold", "MONTHLY");
            await().atMost(Duration.ofSeconds(10)).until(() -> dashboards(lines).stream()
                    .anyMatch(d -> d.at("/monthlyRecurringRevenue/INR").asText().equals("499.00")));
            JsonNode pushed = dashboards(lines).get(dashboards(lines).size() - 1);
            assertThat(pushed.at("/customers/total").asLong()).isEqualTo(1);
            // its first invoice is due at once (payment terms 0): in grace until it is paid
            await().atMost(Duration.ofSeconds(10)).until(() -> dashboards(lines).get(dashboards(lines).size() - 1)
                    .at("/customers/inGrace").asLong() == 1);
            pushed = dashboards(lines).get(dashboards(lines).size() - 1);
            List<String> sentences = new ArrayList<>();
            pushed.at("/recentActivity").forEach(a -> sentences.add(a.at("/sentence").asText()));
            assertThat(sentences).anyMatch(t -> t.startsWith("Customer NEW assigned plan gold (monthly)"));
            await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("event:heartbeat"));
            assertThat(lines).as("nothing of the other partner was pushed")
                    .noneMatch(line -> line.contains("Intruder") || line.contains("INTRUDER")
                            || line.contains("silver"));
            assertThat(dashboards(lines)).allSatisfy(d ->
                    assertThat(d.at("/customers/total").asLong()).isLessThanOrEqualTo(1));
        } finally {
            response.body().close();
        }
    }

    private static List<JsonNode> dashboards(List<String> lines) {
        List<JsonNode> found = new ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).equals("event:dashboard") && lines.get(i + 1).startsWith("data:")) {
                try {
                    found.add(JSON.readTree(lines.get(i + 1).substring(5)));
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
        }
        return found;
    }
}
