package com.planledger.app;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

import java.util.UUID;

import static com.planledger.app.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer end-to-end tests, and the refusals Axon Server used to turn into 500s, over HTTP with every command
 * and its result crossing the wire as between two instances behind Axon Server ({@link WireShapedCommandBus}):
 * each refusal keeps the status and code it has in one embedded instance.
 */
@Import(WireShapedCommandBus.Configuration.class)
class WireShapedEndToEndTest extends CustomerEndToEndTest {

    @Test
    void unknown_and_foreign_aggregates_are_404_with_their_codes() {
        Api.Response archive = admin.post(plans + "/" + UUID.randomUUID() + "/archive", null);
        assertThat(archive.status()).as(archive.toString()).isEqualTo(404);
        assertThat(archive.at("/code")).isEqualTo("PLAN_NOT_FOUND");

        assertThat(admin.post(plans, TestPlans.plan("gold", "gold", "499")).status()).isEqualTo(201);
        assertThat(admin.post(customers, json("customerId", "acme", "companyName", "Acme", "email",
                "acme@example.com")).status()).isEqualTo(201);
        String other = "/v1/partners/" + freshPartner() + "/customers/acme/block";
        Api.Response foreign = admin.post(other, json("note", "not yours"));
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(404);
        assertThat(foreign.at("/code")).isEqualTo("CUSTOMER_NOT_FOUND");
    }

    @Test
    void a_stale_if_match_is_412() {
        assertThat(admin.post(plans, TestPlans.plan("gold", "gold", "499")).status()).isEqualTo(201);
        Api.Response revised = admin.with("If-Match", "0").put(plans + "/gold",
                TestPlans.revision("gold", "599", 5));
        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
        Api.Response stale = admin.with("If-Match", "0").post(plans + "/gold/archive", null);
        assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
        assertThat(stale.at("/code")).isEqualTo("VERSION_MISMATCH");
    }

    @Test
    void a_create_with_a_taken_id_is_409_and_a_rule_keeps_its_422() {
        assertThat(admin.post(plans, TestPlans.plan("gold", "gold", "499")).status()).isEqualTo(201);
        Api.Response again = admin.post(plans, TestPlans.plan("gold", "gold two", "499"));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.at("/code")).isEqualTo("PLAN_ALREADY_EXISTS");

        assertThat(admin.post(customers, json("customerId", "acme", "companyName", "Acme", "email",
                "acme@example.com")).status()).isEqualTo(201);
        Api.Response registered = admin.post(customers, json("customerId", "acme", "companyName", "Acme 2",
                "email", "acme2@example.com"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(409);
        assertThat(registered.at("/code")).isEqualTo("CUSTOMER_ALREADY_EXISTS");

        assertThat(admin.post(plans + "/gold/archive", null).status()).isEqualTo(200);
        Api.Response assign = admin.post(customers + "/acme/plan", json("planId", "gold", "billingCycle",
                "MONTHLY"));
        assertThat(assign.status()).as(assign.toString()).isEqualTo(422);
        assertThat(assign.at("/code")).isEqualTo("PLAN_ARCHIVED");
    }
}
