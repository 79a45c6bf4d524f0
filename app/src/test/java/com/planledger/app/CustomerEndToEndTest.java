package com.planledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.planledger.domain.time.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static com.planledger.app.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Customers over HTTP: registration, assignment rules, grandfathering, trial, billing by the clock, blocks, users. */
class CustomerEndToEndTest extends EndToEndTest {

    @Autowired
    MutableClock clock;

    /** A plan with the given trial and grace (monthly 499 INR + 18 % GST = 588.82 due), 3 team members. */
    private void plan(String id, int trialDays, int graceDays) {
        Map<String, Object> body = TestPlans.plan(id, id, "499");
        body.put("trialDays", trialDays);
        body.put("gracePeriodDays", graceDays);
        body.put("limits", TestPlans.limits(3));
        Api.Response created = admin.post(plans, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private Api.Response register(String id, String planId) {
        Map<String, Object> body = json("customerId", id, "companyName", "Company " + id,
                "email", id + "@example.com");
        if (planId != null) {
            body.put("planId", planId);
            body.put("billingCycle", "MONTHLY");
        }
        return admin.post(customers + "?consistency=wait", body);
    }

    private JsonNode customer(String id) {
        return admin.get(customers + "/" + id).body();
    }

    private JsonNode awaitCustomer(String id, Predicate<JsonNode> condition) {
        List<JsonNode> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Api.Response r = admin.get(customers + "/" + id);
            if (r.status() == 200 && condition.test(r.body())) {
                seen.add(r.body());
                return true;
            }
            return false;
        });
        return seen.get(0);
    }

    private static Predicate<JsonNode> state(String state) {
        return c -> state.equals(c.at("/state").asText());
    }

    @Test
    void register_with_a_plan_records_the_revision_and_price_in_force() {
        plan("gold", 0, 7);
        Api.Response registered = register("acme", "gold");
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.header("Location")).endsWith(customers + "/acme");
        JsonNode acme = customer("acme");
        // the first invoice (499.00 + 18 % GST) is due at once (payment terms 0): in grace until it is paid
        assertThat(acme.at("/state").asText()).isEqualTo("IN_GRACE");
        assertThat(acme.at("/account/openAmount").asText()).isEqualTo("588.82");
        assertThat(acme.at("/account/overdueAmount").asText()).isEqualTo("588.82");
        assertThat(acme.at("/account/balance").asText()).isEqualTo("0.00");
        assertThat(acme.at("/subscription/planId").asText()).isEqualTo("gold");
        assertThat(acme.at("/subscription/planRevision").asInt()).isEqualTo(1);
        assertThat(acme.at("/subscription/billingCycle").asText()).isEqualTo("MONTHLY");
        assertThat(acme.at("/subscription/price").asText()).isEqualTo("499.00");
        assertThat(acme.at("/subscription/amountDue").asText()).isEqualTo("588.82");
        assertThat(acme.at("/subscription/currency").asText()).isEqualTo("INR");

        Api.Response sameEmail = admin.post(customers, json("companyName", "Other", "email", "ACME@example.com"));
        assertThat(sameEmail.status()).isEqualTo(409);
        assertThat(sameEmail.at("/code")).isEqualTo("CUSTOMER_EMAIL_TAKEN");

        assertThat(admin.get(customers + "?q=company&status=IN_GRACE&planId=gold").body().at("/total").asLong())
                .isEqualTo(1);
        assertThat(admin.get(customers + "?status=BLOCKED").body().at("/total").asLong()).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                admin.get(plans + "/gold").body().at("/subscriberCount").asLong() == 1);
    }

    @Test
    void an_archived_plan_is_refused_to_new_customers_while_its_subscriber_keeps_it_and_sees_it() {
        plan("gold", 0, 7);
        plan("silver", 0, 7);
        register("early", "gold");
        assertThat(admin.post(plans + "/gold/archive?consistency=wait", null).status()).isEqualTo(200);

        Api.Response refused = admin.post(customers, json("customerId", "late", "companyName", "Late",
                "email", "late@example.com", "planId", "gold", "billingCycle", "MONTHLY"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.at("/code")).isEqualTo("PLAN_ARCHIVED");
        assertThat(admin.get(customers + "/late").status()).isEqualTo(404);

        register("other", null);
        Api.Response assign = admin.post(customers + "/other/plan", json("planId", "gold", "billingCycle", "MONTHLY"));
        assertThat(assign.at("/code")).isEqualTo("PLAN_ARCHIVED");
        assertThat(admin.post(customers + "/other/plan", json("planId", "silver", "billingCycle", "QUARTERLY"))
                .at("/code")).isEqualTo("BILLING_CYCLE_NOT_OFFERED");
        assertThat(admin.post(customers + "/other/plan", json("planId", "nope", "billingCycle", "MONTHLY"))
                .at("/code")).isEqualTo("PLAN_NOT_FOUND");
        assertThat(customer("other").at("/subscription").isNull()).isTrue();

        JsonNode early = customer("early");
        assertThat(early.at("/subscription/planId").asText()).isEqualTo("gold");
        JsonNode visible = admin.get(customers + "/early/visible-plans").body();
        assertThat(visible.at("/currentPlanId").asText()).isEqualTo("gold");
        assertThat(visible.at("/plans/0/planId").asText()).isEqualTo("gold");
        assertThat(visible.at("/plans/0/current").asBoolean()).isTrue();
        assertThat(visible.at("/plans/0/archived").asBoolean()).isTrue();
        List<String> ids = new ArrayList<>();
        visible.at("/plans").forEach(p -> ids.add(p.at("/planId").asText()));
        assertThat(ids).containsExactly("gold", "silver");
        JsonNode otherVisible = admin.get(customers + "/other/visible-plans").body();
        assertThat(otherVisible.at("/plans").size()).isEqualTo(1);
        assertThat(otherVisible.at("/plans/0/planId").asText()).isEqualTo("silver");
    }

    @Test
    void revision_then_grandfathering_then_migration_now_and_at_next_renewal() {
        plan("gold", 0, 7);
        register("old-1", "gold");
        register("old-2", "gold");
        Map<String, Object> revised = TestPlans.revision("gold", "549", 3);
        revised.put("trialDays", 0);
        assertThat(admin.put(plans + "/gold", revised).at("/revision")).isEqualTo("2");

        // grandfathering: existing customers keep revision 1; a new one gets revision 2
        register("new-1", "gold");
        assertThat(customer("old-1").at("/subscription/planRevision").asInt()).isEqualTo(1);
        assertThat(customer("old-1").at("/subscription/price").asText()).isEqualTo("499.00");
        assertThat(customer("new-1").at("/subscription/planRevision").asInt()).isEqualTo(2);
        assertThat(customer("new-1").at("/subscription/price").asText()).isEqualTo("549.00");
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            JsonNode subs = admin.get(plans + "/gold/subscribers").body();
            return subs.at("/total").asLong() == 3 && subs.at("/byRevision/1").asLong() == 2
                    && subs.at("/byRevision/2").asLong() == 1;
        });

        // migration effective now: one event per customer, progress reported
        Api.Response job = admin.post(plans + "/gold/migrate-subscribers", json("effective", "NOW"));
        assertThat(job.status()).as(job.toString()).isEqualTo(202);
        assertThat(job.at("/total")).isEqualTo("2");
        String jobPath = job.header("Location").replaceFirst("^http://[^/]+", "");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "COMPLETED".equals(admin.get(jobPath).at("/status")));
        JsonNode done = admin.get(jobPath).body();
        assertThat(done.at("/processed").asLong()).isEqualTo(2);
        assertThat(done.at("/outcomes/migrated").asLong()).isEqualTo(2);
        awaitCustomer("old-1", c -> c.at("/subscription/planRevision").asInt() == 2);
        awaitCustomer("old-2", c -> c.at("/subscription/price").asText().equals("549.00"));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                admin.get(plans + "/gold/subscribers").body().at("/byRevision/2").asLong() == 3);

        // a third revision, migrated at each customer's next renewal
        Map<String, Object> third = TestPlans.revision("gold", "599", 3);
        third.put("trialDays", 0);
        admin.put(plans + "/gold", third);
        Api.Response later = admin.post(plans + "/gold/migrate-subscribers", json("effective", "NEXT_RENEWAL"));
        String laterPath = later.header("Location").replaceFirst("^http://[^/]+", "");
        await().atMost(Duration.ofSeconds(20)).until(() -> "COMPLETED".equals(admin.get(laterPath).at("/status")));
        assertThat(admin.get(laterPath).body().at("/outcomes/scheduled").asLong()).isEqualTo(3);
        JsonNode pending = awaitCustomer("old-1", c -> c.at("/subscription/pendingRevision").asInt() == 3);
        assertThat(pending.at("/subscription/planRevision").asInt()).isEqualTo(2);
        // a period still costs what revision 2 costs; the renewal charges revision 3
        assertThat(pending.at("/subscription/amountDue").asText()).isEqualTo("647.82"); // 549 + 18 %

        // the renewal moves it to revision 3, and its invoice charges 599 + 18 %
        clock.advance(Duration.ofDays(32));
        JsonNode renewed = awaitCustomer("old-1", c -> c.at("/subscription/planRevision").asInt() == 3);
        assertThat(renewed.at("/subscription/price").asText()).isEqualTo("599.00");
        assertThat(renewed.at("/subscription/pendingRevision").isNull()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> "706.82".equals(
                admin.get(customers + "/old-1/invoices").body().at("/items/0/total").asText()));
    }

    @Test
    void invoice_reads_refuse_an_unknown_status_and_answer_404_for_an_unknown_number() {
        String invoices = "/v1/partners/" + partner + "/invoices";
        Api.Response bogus = admin.get(invoices + "?status=BOGUS");
        assertThat(bogus.status()).isEqualTo(400);
        assertThat(bogus.at("/errors/0/field")).isEqualTo("status");
        Api.Response unknown = admin.get(invoices + "/INV-999");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.at("/code")).isEqualTo("INVOICE_NOT_FOUND");
        assertThat(admin.get(invoices + "?overdue=maybe").status()).isEqualTo(400);
    }

    @Test
    void the_test_clock_paths_do_not_exist_unless_enabled() {
        assertThat(admin.get("/v1/admin/clock").status()).isEqualTo(404);
        assertThat(admin.post("/v1/admin/clock/advance", json("by", "P1D")).status()).isEqualTo(404);
    }

    @Test
    void a_trial_only_once_across_plan_changes() {
        plan("trial", 14, 7);
        plan("trial-2", 30, 7);
        register("t", "trial");
        JsonNode trialing = customer("t");
        assertThat(trialing.at("/state").asText()).isEqualTo("TRIALING");
        Instant periodStart = Instant.parse(trialing.at("/subscription/periodStart").asText());
        assertThat(Instant.parse(trialing.at("/subscription/trialEndsAt").asText()))
                .isEqualTo(periodStart.plus(Duration.ofDays(14)));

        assertThat(admin.post(customers + "/t/plan?consistency=wait",
                json("planId", "trial-2", "billingCycle", "MONTHLY")).status()).isEqualTo(200);
        JsonNode changed = customer("t");
        assertThat(changed.at("/subscription/planId").asText()).isEqualTo("trial-2");
        // the trial of the first assignment runs on; the second plan's 30 days never start
        assertThat(changed.at("/subscription/trialEndsAt").asText())
                .isEqualTo(trialing.at("/subscription/trialEndsAt").asText());

        register("u", null);
        admin.post(customers + "/u/plan?consistency=wait", json("planId", "trial", "billingCycle", "MONTHLY"));
        assertThat(customer("u").at("/state").asText()).isEqualTo("TRIALING");
    }

    @Test
    void period_end_grace_automatic_block_and_payment_unblock_by_the_clock() {
        plan("gold", 0, 5);
        register("payer", "gold");
        JsonNode start = customer("payer");
        Instant periodEnd = Instant.parse(start.at("/subscription/periodEnd").asText());

        // the first invoice is due at once; paid, the customer is active
        Api.Response first = admin.post(customers + "/payer/payments?consistency=wait", json("amount", "588.82",
                "currency", "INR", "reference", "p-0"));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(customer("payer").at("/state").asText()).isEqualTo("ACTIVE");

        // the period ends: the renewal's invoice is open at once: in grace, service continues
        clock.set(periodEnd.plusSeconds(60));
        JsonNode grace = awaitCustomer("payer", state("IN_GRACE"));
        assertThat(Instant.parse(grace.at("/subscription/graceEndsAt").asText()))
                .isEqualTo(periodEnd.plus(Duration.ofDays(5)));
        assertThat(Instant.parse(grace.at("/subscription/periodStart").asText())).isEqualTo(periodEnd);
        assertThat(admin.get(customers + "/payer/entitlements").body().at("/serviceAllowed").asBoolean()).isTrue();

        // grace ends unpaid: blocked for payment overdue, without any request
        clock.set(periodEnd.plus(Duration.ofDays(5)).plusSeconds(60));
        JsonNode blocked = awaitCustomer("payer", state("BLOCKED"));
        assertThat(blocked.at("/blocks/0/reason").asText()).isEqualTo("PAYMENT_OVERDUE");
        assertThat(blocked.at("/blocks/0/by").asText()).isEqualTo("system");
        JsonNode denied = admin.get(customers + "/payer/entitlements").body();
        assertThat(denied.at("/serviceAllowed").asBoolean()).isFalse();
        assertThat(denied.at("/blockedReasons/0").asText()).isEqualTo("PAYMENT_OVERDUE");

        // a partial payment settles part of the invoice and the block stays; the rest lifts it
        Api.Response part = admin.post(customers + "/payer/payments?consistency=wait", json("amount", "499.00",
                "currency", "INR", "reference", "p-1"));
        assertThat(part.status()).as(part.toString()).isEqualTo(200);
        JsonNode partly = customer("payer");
        assertThat(partly.at("/state").asText()).isEqualTo("BLOCKED");
        assertThat(partly.at("/account/overdueAmount").asText()).isEqualTo("89.82");
        Api.Response rest = admin.post(customers + "/payer/payments?consistency=wait", json("amount", "89.82",
                "currency", "INR", "reference", "p-2"));
        assertThat(rest.status()).as(rest.toString()).isEqualTo(200);
        JsonNode active = customer("payer");
        assertThat(active.at("/state").asText()).isEqualTo("ACTIVE");
        assertThat(active.at("/blocks").size()).isZero();
        assertThat(active.at("/account/openAmount").asText()).isEqualTo("0.00");
        // the period keeps its anchored dates
        assertThat(Instant.parse(active.at("/subscription/periodStart").asText())).isEqualTo(periodEnd);
    }

    @Test
    void a_manual_block_is_an_overlay_on_the_overdue_block() {
        plan("gold", 0, 0);
        register("b", "gold");
        Api.Response noNote = admin.post(customers + "/b/block", json("note", " "));
        assertThat(noNote.status()).isEqualTo(400);
        assertThat(noNote.at("/errors/0/field")).isEqualTo("note");

        // no grace and payment terms 0: registered, assigned, invoiced, past due and blocked at once (version 4)
        assertThat(admin.post(customers + "/b/block", json("note", "chargeback")).at("/version")).isEqualTo("5");
        assertThat(admin.post(customers + "/b/block", json("note", "again")).at("/version")).isEqualTo("5");
        JsonNode manual = awaitCustomer("b", c -> c.at("/blocks").size() == 2);
        assertThat(manual.at("/state").asText()).isEqualTo("BLOCKED");
        assertThat(manual.at("/blocks/1/reason").asText()).isEqualTo("MANUAL");
        assertThat(manual.at("/blocks/1/note").asText()).isEqualTo("chargeback");
        assertThat(manual.at("/blocks/1/by").asText()).isEqualTo("api-key:ops-1");
        // unblocking the manual block leaves the overdue one
        admin.post(customers + "/b/unblock?consistency=wait", null);
        JsonNode stillBlocked = customer("b");
        assertThat(stillBlocked.at("/state").asText()).isEqualTo("BLOCKED");
        assertThat(stillBlocked.at("/blocks/0/reason").asText()).isEqualTo("PAYMENT_OVERDUE");
        // and the payment lifts the overdue block
        admin.post(customers + "/b/payments?consistency=wait", json("amount", "588.82", "currency", "INR",
                "reference", "settle"));
        assertThat(customer("b").at("/state").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void never_more_users_than_the_plan_allows_and_add_ons_raise_the_limit() {
        Map<String, Object> body = TestPlans.plan("team", "team", "499");
        body.put("trialDays", 0);
        body.put("limits", TestPlans.limits(2));
        body.put("addOns", List.of(json("code", "SEATS", "displayName", "2 seats", "prices", json("MONTHLY", "50"),
                "grants", json("teamMembers", 2))));
        admin.post(plans, body);
        register("t", "team");
        String users = customers + "/t/users";
        Api.Response first = admin.post(users, json("userId", "ana", "email", "ana@t.example", "role", "OWNER"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.header("Location")).endsWith(users + "/ana");
        assertThat(admin.post(users, json("email", "bo@t.example", "role", "MEMBER")).status()).isEqualTo(201);
        Api.Response third = admin.post(users, json("email", "cy@t.example", "role", "MEMBER"));
        assertThat(third.status()).isEqualTo(422);
        assertThat(third.at("/code")).isEqualTo("LIMIT_EXCEEDED");

        assertThat(admin.post(customers + "/t/add-ons", json("code", "SEATS", "quantity", 1)).status()).isEqualTo(200);
        assertThat(admin.post(users, json("email", "cy@t.example", "role", "MEMBER")).status()).isEqualTo(201);
        assertThat(admin.put(users + "/ana", json("role", "ADMIN")).status()).isEqualTo(200);
        assertThat(admin.delete(users + "/nobody").at("/code")).isEqualTo("USER_NOT_FOUND");

        // detaching the add-on lowers the limit: nobody is removed, nobody new gets in
        assertThat(admin.delete(customers + "/t/add-ons/SEATS?consistency=wait").status()).isEqualTo(200);
        JsonNode t = customer("t");
        assertThat(t.at("/users").size()).isEqualTo(3);
        assertThat(t.at("/users/0/role").asText()).isEqualTo("ADMIN");
        assertThat(admin.post(users, json("email", "dee@t.example", "role", "MEMBER")).at("/code"))
                .isEqualTo("LIMIT_EXCEEDED");
        assertThat(admin.delete(users + "/ana?consistency=wait").status()).isEqualTo(200);
        assertThat(customer("t").at("/users").size()).isEqualTo(2);
    }

    @Test
    void entitlements_sum_revision_and_add_ons_and_count_this_periods_usage() {
        admin.post(plans, TestPlans.plan("gold", "gold", "499"));
        register("e", "gold");
        String c = customers + "/e";
        admin.post(c + "/add-ons", json("code", "EXTRA_MSGS", "quantity", 2));
        assertThat(admin.post(c + "/usage", json("metric", "messages", "quantity", 12_000, "usageId", "batch-1"))
                .status()).isEqualTo(200);
        admin.post(c + "/usage", json("metric", "messages", "quantity", 12_000, "usageId", "batch-1"));
        admin.post(c + "/usage", json("metric", "whatsappConversations", "quantity", 10, "usageId", "wa-1"));
        admin.post(c + "/users?consistency=wait", json("email", "x@e.example", "role", "OWNER"));

        JsonNode e = admin.get(c + "/entitlements").body();
        assertThat(e.at("/limits/messages").asLong()).isEqualTo(20_000);
        assertThat(e.at("/usage/messages").asLong()).isEqualTo(12_000);
        assertThat(e.at("/remaining/messages").asLong()).isEqualTo(8_000);
        assertThat(e.at("/remaining/whatsappConversations").asLong()).isEqualTo(990);
        assertThat(e.at("/limits/contacts").asText()).isEqualTo("UNLIMITED");
        assertThat(e.at("/remaining/contacts").asText()).isEqualTo("UNLIMITED");
        assertThat(e.at("/usage/teamMembers").asLong()).isEqualTo(1);
        assertThat(e.at("/remaining/teamMembers").asLong()).isEqualTo(4);
        assertThat(e.at("/serviceAllowed").asBoolean()).isTrue();
        assertThat(e.at("/planRevision").asInt()).isEqualTo(1);
        Api.Response unknownMetric = admin.post(c + "/usage", json("metric", "minutes", "quantity", 1,
                "usageId", "x"));
        assertThat(unknownMetric.status()).isEqualTo(400);
        assertThat(unknownMetric.at("/errors/0/field")).isEqualTo("metric");
    }
}
