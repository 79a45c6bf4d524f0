package com.planledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static com.planledger.app.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test clock over HTTP, in a service started with {@code planledger.test-clock.enabled=true} at a fixed
 * instant: advancing it renews, invoices and moves customers through grace before it answers, so a caller sees the
 * outcome in its next read. (The other end-to-end tests run without it, where the clock paths answer 404.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = PlanLedgerApplication.class)
class TestClockEndToEndTest {

    static final Instant START = Instant.parse("2027-01-31T09:00:00Z");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        withTestClock(registry, "test-clock", START);
    }

    /**
     * A service of its own (data directory {@code name-<random>}) with the test clock on from {@code start}, where
     * only the advance applies transitions: the scheduler's own polling is slowed down.
     */
    static void withTestClock(DynamicPropertyRegistry registry, String name, Instant start) {
        registry.add("planledger.data-dir",
                () -> Path.of("target", "e2e-data", name + "-" + UUID.randomUUID()).toString());
        registry.add("planledger.security.api-keys", () -> "ops-1:" + EndToEndTest.ADMIN_KEY + ":ADMIN");
        registry.add("planledger.test-clock.enabled", () -> "true");
        registry.add("planledger.test-clock.start", start::toString);
        registry.add("planledger.billing.poll-interval", () -> "PT1H");
    }

    @Test
    void advancing_the_clock_renews_on_the_anchor_days_and_answers_after_the_read_models() {
        Api admin = Api.at(port, EndToEndTest.ADMIN_KEY);
        String partner = "p-" + UUID.randomUUID().toString().substring(0, 12);
        String plans = "/v1/partners/" + partner + "/plans";
        String customers = "/v1/partners/" + partner + "/customers";
        Map<String, Object> gold = TestPlans.plan("gold", "gold", "499");
        gold.put("trialDays", 0);
        assertThat(admin.post(plans, gold).status()).isEqualTo(201);
        assertThat(admin.post(customers + "?consistency=wait", json("customerId", "jan", "companyName", "Jan",
                "email", "jan@example.com", "planId", "gold", "billingCycle", "MONTHLY")).status()).isEqualTo(201);
        assertThat(admin.get("/v1/admin/clock").at("/now")).isEqualTo(START.toString());
        JsonNode registered = admin.get(customers + "/jan").body();
        assertThat(registered.at("/subscription/anchor").asText()).isEqualTo(START.toString());
        assertThat(registered.at("/subscription/periodEnd").asText()).isEqualTo("2027-02-28T09:00:00Z");

        // two months later: renewed on 28 February and on 31 March, anchored on the 31st
        Api.Response advanced = admin.post("/v1/admin/clock/advance", json("to", "2027-04-01T00:00:00Z"));
        assertThat(advanced.status()).as(advanced.toString()).isEqualTo(200);
        assertThat(advanced.at("/now")).isEqualTo("2027-04-01T00:00:00Z");
        assertThat(advanced.at("/readModelsCaughtUp")).isEqualTo("true");
        JsonNode customer = admin.get(customers + "/jan").body();
        assertThat(customer.at("/subscription/periodStart").asText()).isEqualTo("2027-03-31T09:00:00Z");
        assertThat(customer.at("/subscription/periodEnd").asText()).isEqualTo("2027-04-30T09:00:00Z");
        // nothing paid and 7 days of grace: blocked on 7 February for the first invoice; three invoices open
        assertThat(customer.at("/state").asText()).isEqualTo("BLOCKED");
        assertThat(customer.at("/account/openAmount").asText()).isEqualTo("1766.46");
        JsonNode invoices = admin.get(customers + "/jan/invoices").body();
        assertThat(invoices.at("/total").asLong()).isEqualTo(3);
        assertThat(invoices.at("/items/0/lines/0/periodStart").asText()).isEqualTo("2027-03-31T09:00:00Z");
        assertThat(invoices.at("/items/1/lines/0/periodStart").asText()).isEqualTo("2027-02-28T09:00:00Z");

        // the clock never goes back, and a body must say by how much or to when
        assertThat(admin.post("/v1/admin/clock/advance", json("to", "2027-01-01T00:00:00Z")).status())
                .isEqualTo(400);
        assertThat(admin.post("/v1/admin/clock/advance", json("by", "one month")).status()).isEqualTo(400);
        assertThat(admin.post("/v1/admin/clock/advance", json()).status()).isEqualTo(400);
    }
}
