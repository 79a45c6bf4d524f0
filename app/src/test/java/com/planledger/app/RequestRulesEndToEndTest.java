package com.planledger.app;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static com.planledger.app.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The house rules every request meets: bad input is 400 naming the field and stores nothing; keys and roles; a
 * repeated Idempotency-Key returns the first answer and changes nothing.
 */
class RequestRulesEndToEndTest extends EndToEndTest {

    static Stream<Arguments> badPlans() {
        return Stream.of(
                bad("negative price", b -> b.put("prices", json("MONTHLY", "-1")), 400, "prices.MONTHLY"),
                bad("too many decimals", b -> b.put("prices", json("MONTHLY", "9.999")), 400, "prices.MONTHLY"),
                bad("no decimals in JPY", b -> {
                    b.put("currency", "JPY");
                    b.put("prices", json("MONTHLY", "100.5"));
                }, 400, "prices.MONTHLY"),
                bad("missing prices", b -> b.remove("prices"), 400, "prices"),
                bad("empty prices", b -> b.put("prices", Map.of()), 400, "prices"),
                bad("missing amount", b -> b.put("prices", json("MONTHLY", null)), 400, "prices.MONTHLY"),
                bad("unknown billing cycle", b -> b.put("prices", json("WEEKLY", "1")), 400, "prices"),
                bad("lower-case currency", b -> b.put("currency", "inr"), 400, "currency"),
                bad("unknown currency", b -> b.put("currency", "XYZ"), 400, "currency"),
                bad("over-long name", b -> b.put("name", "n".repeat(81)), 400, "name"),
                bad("over-long display name", b -> b.put("displayName", "d".repeat(121)), 400, "displayName"),
                bad("unknown plan type", b -> b.put("type", "FREEMIUM"), 400, "type"),
                bad("unknown visibility", b -> b.put("visibility", "SECRET"), 400, "visibility"),
                bad("negative limit", b -> ((Map<String, Object>) b.get("limits")).put("messages", -1), 400,
                        "limits.messages"),
                bad("magic-number limit as text", b -> ((Map<String, Object>) b.get("limits"))
                        .put("contacts", "infinite"), 400, "limits.contacts"),
                bad("missing limit", b -> ((Map<String, Object>) b.get("limits")).remove("workspaces"), 400,
                        "limits.workspaces"),
                bad("trial too long", b -> b.put("trialDays", 366), 400, "trialDays"),
                bad("grace too long", b -> b.put("gracePeriodDays", 91), 400, "gracePeriodDays"),
                bad("revenue share on usage-based", b -> b.put("revenueSharePercent", "10"), 400,
                        "revenueSharePercent"),
                bad("revenue-sharing without share", b -> b.put("type", "REVENUE_SHARING"), 400,
                        "revenueSharePercent"),
                bad("revenue share of 100", b -> {
                    b.put("type", "REVENUE_SHARING");
                    b.put("revenueSharePercent", "100");
                }, 400, "revenueSharePercent"),
                bad("unknown field", b -> b.put("trailDays", 3), 400, "trailDays"),
                bad("invalid plan id", b -> b.put("planId", "not an id"), 400, "planId"),
                bad("add-on for a cycle the plan lacks", b -> b.put("addOns", List.of(json("code", "X",
                        "displayName", "x", "prices", json("QUARTERLY", "1"), "grants", json("messages", 1)))),
                        400, "addOns[0].prices.QUARTERLY"),
                bad("add-on granting an unknown limit", b -> b.put("addOns", List.of(json("code", "X",
                        "displayName", "x", "prices", json("MONTHLY", "1"), "grants", json("minutes", 1)))),
                        400, "addOns[0].grants.minutes"),
                bad("tax rate above 100", b -> b.put("tax", json("enabled", true, "ratePercent", "101")), 400,
                        "tax.ratePercent"));
    }

    @SuppressWarnings("unchecked")
    private static Arguments bad(String what, Consumer<Map<String, Object>> change, int status, String field) {
        return Arguments.of(what, change, status, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPlans")
    void bad_input_is_refused_naming_the_field_and_nothing_is_stored(String what,
                                                                     Consumer<Map<String, Object>> change,
                                                                     int status, String field) {
        Map<String, Object> body = TestPlans.plan("p1", "p1", "499");
        change.accept(body);
        Api.Response refused = admin.post(plans + "?consistency=wait", body);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(status);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.at("/code")).isIn("VALIDATION_FAILED", "MALFORMED_REQUEST");
        List<String> fields = refused.body().at("/errors").findValuesAsText("field");
        assertThat(fields).as(refused.toString()).contains(field);
        assertThat(admin.get(plans + "/p1").status()).isEqualTo(404);
        assertThat(admin.get(plans).body().at("/total").asLong()).isZero();
    }

    @Test
    void malformed_json_is_400() {
        Api.Response refused = admin.post(plans, "{\"planId\": ");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.at("/code")).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void a_wrong_method_is_405_and_a_wrong_media_type_415_both_as_problems() {
        Api.Response wrongMethod = admin.send("PATCH", plans, null);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.header("Content-Type")).startsWith("application/problem+json");
        assertThat(wrongMethod.at("/status")).isEqualTo("405");
        assertThat(wrongMethod.at("/code")).isEqualTo("MALFORMED_REQUEST");
        Api.Response wrongType = admin.with("Content-Type", "text/plain").send("POST", plans, null);
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.at("/status")).isEqualTo("415");
        assertThat(wrongType.at("/detail")).isEqualTo("send the body as application/json");
    }

    @Test
    void list_parameters_are_checked() {
        assertThat(admin.get(plans + "?size=501").at("/errors/0/field")).isEqualTo("size");
        assertThat(admin.get(plans + "?status=GONE").at("/errors/0/field")).isEqualTo("status");
        assertThat(admin.get(plans + "?sort=price,asc").at("/errors/0/field")).isEqualTo("sort");
        Api.Response farAway = admin.get(customers + "?page=10000000&size=500");
        assertThat(farAway.status()).isEqualTo(400);
        assertThat(farAway.at("/errors/0/field")).isEqualTo("page");
        assertThat(admin.get(plans + "/nope").at("/code")).isEqualTo("PLAN_NOT_FOUND");
    }

    @Test
    void no_key_is_401_and_an_unknown_key_too() {
        Api.Response none = Api.at(port, null).get(plans);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(as("not-a-key-at-all-000").get(plans).status()).isEqualTo(401);
    }

    @Test
    void a_partner_key_sees_its_own_partner_only_and_another_partner_answers_404() {
        Api partnerA = as(PARTNER_A_KEY);
        String own = "/v1/partners/" + PARTNER_A + "/plans";
        Api.Response created = partnerA.post(own, TestPlans.plan(
                "own-" + partner, "own " + partner, "1"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        admin.post(plans + "?consistency=wait", TestPlans.plan("theirs", "theirs", "1"));
        assertThat(partnerA.get(plans).status()).isEqualTo(404);
        assertThat(partnerA.get(plans + "/theirs").status()).isEqualTo(404);
        assertThat(partnerA.post(plans + "/theirs/archive", null).status()).isEqualTo(404);
        assertThat(admin.get(plans + "/theirs").at("/archived")).isEqualTo("false");
    }

    @Test
    void a_partner_key_cannot_reach_another_partner_through_a_disguised_path() {
        admin.post(plans + "?consistency=wait", TestPlans.plan("theirs", "theirs", "1"));
        Api partnerA = as(PARTNER_A_KEY);
        for (String disguised : List.of(
                "/v1/partners;x=1/" + partner + "/plans",
                "/v1;x=1/partners/" + partner + "/plans",
                "/v1/partners/" + partner + ";x=1/plans",
                "/v1//partners/" + partner + "/plans",
                "/v1/partners//" + partner + "/plans",
                "/v1/./partners/" + partner + "/plans",
                "/v1/%70artners/" + partner + "/plans",
                "/v1/admin;x=1/projections")) {
            Api.Response answer = partnerA.get(disguised);
            assertThat(answer.status()).as(disguised + " -> " + answer).isIn(400, 403, 404);
            assertThat(answer.text()).as(disguised).doesNotContain("theirs");
        }
        for (String disguised : List.of("/v1/partners;x=1/" + partner + "/plans/theirs/archive",
                "/v1/partners/" + partner + ";x=1/plans/theirs/archive")) {
            assertThat(partnerA.post(disguised, null).status()).as(disguised).isIn(400, 403, 404);
        }
        assertThat(admin.get(plans + "/theirs").at("/archived")).isEqualTo("false");
    }

    @Test
    void an_auditor_reads_but_never_writes_and_admin_operations_need_admin() {
        admin.post(plans + "?consistency=wait", TestPlans.plan("gold", "gold", "1"));
        Api auditor = as(AUDITOR_KEY);
        assertThat(auditor.get(plans + "/gold").status()).isEqualTo(200);
        Api.Response write = auditor.post(plans + "/gold/archive", null);
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.at("/code")).isEqualTo("FORBIDDEN");
        assertThat(as(PARTNER_A_KEY).get("/v1/admin/projections").status()).isEqualTo(403);
    }

    @Test
    void a_repeated_idempotency_key_returns_the_first_answer_and_changes_nothing() {
        Api keyed = admin.with("Idempotency-Key", "create-gold-" + partner);
        Map<String, Object> body = TestPlans.plan("gold", "gold", "499");
        Api.Response first = keyed.post(plans, body);
        assertThat(first.status()).isEqualTo(201);
        Api.Response again = keyed.post(plans, body);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.text()).isEqualTo(first.text());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");

        Api.Response other = keyed.post(plans, TestPlans.plan("gold", "gold", "599"));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.at("/code")).isEqualTo("IDEMPOTENCY_KEY_REUSED");

        Api revise = admin.with("Idempotency-Key", "revise-" + partner);
        Map<String, Object> terms = TestPlans.revision("gold", "549", 5);
        assertThat(revise.put(plans + "/gold", terms).at("/version")).isEqualTo("1");
        assertThat(revise.put(plans + "/gold", terms).at("/version")).isEqualTo("1");
        assertThat(admin.put(plans + "/gold", TestPlans.revision("gold", "599", 5))
                .at("/version")).isEqualTo("2");
    }
}
