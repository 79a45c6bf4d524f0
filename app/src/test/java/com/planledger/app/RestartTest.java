package com.planledger.app;

import com.mongodb.client.MongoDatabase;
import com.planledger.query.catalog.PlanCatalogProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import com.planledger.domain.time.MutableClock;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A restart on the same data directory keeps every event and every read model, and re-applies nothing: the
 * processors resume from their stored tokens.
 */
class RestartTest {

    @TempDir
    Path dataDir;

    /** Creates plan gold (no trial) and customer c1 on it, monthly; answers when c1's first period ends. */
    private static Instant registerOnGoldWithoutTrial(Api api, String plans, String customers) {
        java.util.Map<String, Object> plan = TestPlans.plan("gold", "gold", "499");
        plan.put("trialDays", 0);
        assertThat(api.post(plans, plan).status()).isEqualTo(201);
        assertThat(api.post(customers + "?consistency=wait", Api.json("customerId", "c1", "companyName", "C1",
                "email", "c1@example.com", "planId", "gold", "billingCycle", "MONTHLY")).status()).isEqualTo(201);
        return Instant.parse(api.get(customers + "/c1").at("/subscription/periodEnd"));
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(PlanLedgerApplication.class, TestClockConfiguration.class)
                .run("--server.port=0", "--planledger.data-dir=" + dataDir,
                        "--planledger.security.api-keys=ops:" + EndToEndTest.ADMIN_KEY + ":ADMIN",
                        "--planledger.billing.poll-interval=PT0.2S");
    }

    private static Api api(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return Api.at(port, EndToEndTest.ADMIN_KEY);
    }

    @Test
    void a_restart_keeps_events_and_read_models_and_reapplies_nothing() {
        String plans = "/v1/partners/restart/plans";
        Document before;
        TrackingToken tokenBefore;
        try (ConfigurableApplicationContext first = start()) {
            Api api = api(first);
            for (int i = 0; i < 5; i++) {
                assertThat(api.post(plans, TestPlans.plan("plan-" + i, "plan " + i, "10" + i))
                        .status()).isEqualTo(201);
            }
            api.put(plans + "/plan-0", TestPlans.revision("plan 0", "555", 5));
            assertThat(api.post(plans + "/plan-1/archive?consistency=wait", null).status()).isEqualTo(200);
            before = planDocument(first, "plan-0");
            tokenBefore = token(first);
            assertThat(before.getInteger("revision")).isEqualTo(2);
        }

        try (ConfigurableApplicationContext second = start()) {
            Api api = api(second);
            List<String> ids = new ArrayList<>();
            api.get(plans).body().at("/items").forEach(p -> ids.add(p.at("/planId").asText()));
            assertThat(ids).containsExactly("plan-0", "plan-1", "plan-2", "plan-3", "plan-4");
            assertThat(api.get(plans + "/plan-1").at("/archived")).isEqualTo("true");
            assertThat(planDocument(second, "plan-0")).isEqualTo(before);

            // the processor resumed from its stored token: it had nothing to re-apply
            await().atMost(Duration.ofSeconds(20)).until(() -> token(second) != null);
            assertThat(token(second).covers(tokenBefore)).isTrue();
            assertThat(tokenBefore.covers(token(second))).isTrue();

            // and it goes on with new events; names stay taken across the restart
            assertThat(api.post(plans, TestPlans.plan("plan-9", "plan 0", "1")).at("/code"))
                    .isEqualTo("PLAN_NAME_TAKEN");
            assertThat(api.post(plans + "?consistency=wait",
                    TestPlans.plan("plan-5", "plan 5", "1")).status()).isEqualTo(201);
            assertThat(api.get(plans).body().at("/total").asLong()).isEqualTo(6);
        }
    }

    @Test
    void a_period_that_ends_while_the_service_is_down_is_handled_after_the_restart() {
        String plans = "/v1/partners/restart-billing/plans";
        String customers = "/v1/partners/restart-billing/customers";
        Instant periodEnd;
        try (ConfigurableApplicationContext first = start()) {
            periodEnd = registerOnGoldWithoutTrial(api(first), plans, customers);
        }
        try (ConfigurableApplicationContext second = start()) {
            // the service was down when the period ended: the due lookup in the store still knows the customer
            second.getBean(MutableClock.class).set(periodEnd.plus(Duration.ofDays(1)));
            Api api = api(second);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(api.get(customers + "/c1")
                    .at("/state")).as("c1 after its period ended; the due lookup holds "
                    + second.getBean(MongoDatabase.class).getCollection("cmd_due").find().into(new ArrayList<>()))
                    .isEqualTo("IN_GRACE"));
            assertRenewalInvoicedAsTheSecondNumber(api, "/v1/partners/restart-billing");
        }
    }

    @Test
    void a_lost_read_store_is_rebuilt_from_the_events_lookups_included() throws Exception {
        String plans = "/v1/partners/restored/plans";
        String customers = "/v1/partners/restored/customers";
        Instant periodEnd;
        try (ConfigurableApplicationContext first = start()) {
            periodEnd = registerOnGoldWithoutTrial(api(first), plans, customers);
        }
        // only the event store survives
        try (var files = java.nio.file.Files.walk(dataDir.resolve("readstore"))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        try (ConfigurableApplicationContext second = start()) {
            Api api = api(second);
            // read models are rebuilt by their processors from the first event
            await().atMost(Duration.ofSeconds(20)).until(() -> "c1@example.com".equals(api.get(customers + "/c1")
                    .at("/email")));
            assertThat(api.get(plans + "/gold").at("/name")).isEqualTo("gold");
            // the command-side lookups were rebuilt before the first request: names and e-mails stay taken
            assertThat(api.post(plans, TestPlans.plan("gold-2", "GOLD", "1")).at("/code"))
                    .isEqualTo("PLAN_NAME_TAKEN");
            assertThat(api.post(customers, Api.json("customerId", "c2", "companyName", "C2",
                    "email", "C1@example.com")).at("/code")).isEqualTo("CUSTOMER_EMAIL_TAKEN");
            // and the due dates: the period still ends on time
            second.getBean(MutableClock.class).set(periodEnd.plus(Duration.ofDays(1)));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(api.get(customers + "/c1")
                    .at("/state")).as("c1 after its period ended; the due lookup holds "
                    + second.getBean(MongoDatabase.class).getCollection("cmd_due").find().into(new ArrayList<>()))
                    .isEqualTo("IN_GRACE"));
            // and the invoice sequence: the renewal takes the next number, not the first one again
            assertRenewalInvoicedAsTheSecondNumber(api, "/v1/partners/restored");
        }
    }

    /** The partner's invoices after the renewal: INV-1 at the start, INV-2 for the renewal, nothing else. */
    @Test
    void events_an_earlier_build_stored_under_untyped_ids_are_migrated_at_start() throws Exception {
        String partner = "/v1/partners/untyped";
        String plans = partner + "/plans";
        String customers = partner + "/customers";
        String planHistory;
        String customerHistory;
        try (ConfigurableApplicationContext first = start()) {
            Api api = api(first);
            registerOnGoldWithoutTrial(api, plans, customers);
            assertThat(api.put(plans + "/gold", TestPlans.revision("gold", "599", 0)).status()).isEqualTo(200);
            planHistory = api.get(plans + "/gold/history").text();
            customerHistory = api.get(customers + "/c1/history").text();
        }
        // the rows as a build before ADR 4 stored them: partner:id, no type
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("eventstore").resolve("events");
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            int untyped = connection.createStatement().executeUpdate("UPDATE DomainEventEntry SET aggregateIdentifier"
                    + " = REGEXP_REPLACE(aggregateIdentifier, '^([^:]+):(plan|customer):([^:]+)$', '$1:$3')");
            assertThat(untyped).isGreaterThanOrEqualTo(4);
        }

        try (ConfigurableApplicationContext second = start()) {
            Api api = api(second);
            assertThat(api.get(plans + "/gold/history").text()).isEqualTo(planHistory);
            assertThat(api.get(customers + "/c1/history").text()).isEqualTo(customerHistory);
            // the aggregates load from the migrated rows and go on
            assertThat(api.put(plans + "/gold", TestPlans.revision("gold", "699", 1)).status()).isEqualTo(200);
            assertThat(api.post(customers + "/c1/block", Api.json("note", "unpaid")).status()).isEqualTo(200);
            // a customer and a plan may now share an id with the other type
            Api.Response customer = api.post(customers, Api.json("customerId", "gold", "companyName", "Gold Ltd",
                    "email", "gold@example.com"));
            assertThat(customer.status()).as(customer.toString()).isEqualTo(201);
            Api.Response plan = api.post(plans, TestPlans.plan("c1", "c1 plan", "1"));
            assertThat(plan.status()).as(plan.toString()).isEqualTo(201);
            assertThat(api.get(plans + "/c1/history").status()).isEqualTo(200);
            assertThat(api.get(customers + "/gold/history").body().at("/items").size()).isEqualTo(1);
            assertThat(api.post(plans + "/c1/archive", null).status()).isEqualTo(200);
        }
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM DomainEventEntry"
                     + " WHERE NOT REGEXP_LIKE(aggregateIdentifier, '^[^:]+:(plan|customer):[^:]+$')")) {
            rows.next();
            assertThat(rows.getLong(1)).as("rows left untyped").isZero();
        }
    }

    private static void assertRenewalInvoicedAsTheSecondNumber(Api api, String partner) {
        await().atMost(Duration.ofSeconds(20)).until(() -> "2".equals(api.get(partner + "/invoices").at("/total")));
        assertThat(api.get(partner + "/invoices/INV-1").at("/reason")).isEqualTo("SUBSCRIPTION_START");
        assertThat(api.get(partner + "/invoices/INV-2").at("/reason")).isEqualTo("RENEWAL");
    }

    private static Document planDocument(ConfigurableApplicationContext context, String planId) {
        return context.getBean(MongoDatabase.class).getCollection(PlanCatalogProjection.PLANS)
                .find(eq("_id", "restart:" + planId)).first();
    }

    private static TrackingToken token(ConfigurableApplicationContext context) {
        StreamingEventProcessor processor = context.getBean(EventProcessingConfiguration.class)
                .eventProcessor(PlanCatalogProjection.GROUP, StreamingEventProcessor.class).orElseThrow();
        return processor.processingStatus().values().stream().findFirst()
                .map(status -> status.getTrackingToken()).orElse(null);
    }
}
