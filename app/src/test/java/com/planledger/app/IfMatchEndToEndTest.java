package com.planledger.app;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.planledger.app.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code If-Match} is honoured on every write that names an aggregate: with a valid body and a stale version
 * each answers 412 VERSION_MISMATCH and stores nothing; with the current version it goes through.
 */
class IfMatchEndToEndTest extends EndToEndTest {

    @Autowired
    DataSource eventStoreDataSource;

    private record Write(String method, String path, Object body) {
    }

    @Test
    void every_write_with_a_stale_version_is_refused_with_412_and_stores_nothing() throws Exception {
        Map<String, Object> gold = TestPlans.plan("gold", "gold", "499");
        gold.put("trialDays", 0);
        assertThat(admin.post(plans, gold).status()).isEqualTo(201);
        assertThat(admin.post(plans, TestPlans.plan("silver", "silver", "299")).status()).isEqualTo(201);
        assertThat(admin.post(customers, json("customerId", "acme", "companyName", "Acme",
                "email", "acme@example.com", "planId", "gold", "billingCycle", "MONTHLY")).status()).isEqualTo(201);
        assertThat(admin.post(customers + "/acme/users", json("userId", "ana", "email", "ana@acme.example",
                "role", "OWNER")).status()).isEqualTo(201);
        assertThat(admin.post(customers + "/acme/add-ons?consistency=wait", json("code", "EXTRA_MSGS",
                "quantity", 1)).status()).isEqualTo(200);
        long before = EventStoreRows.partnerEvents(eventStoreDataSource, partner);

        String c = customers + "/acme";
        List<Write> writes = List.of(
                new Write("PUT", plans + "/gold", TestPlans.revision("gold", "599", 5)),
                new Write("POST", plans + "/gold/duplicate", json("planId", "gold-2", "name", "gold 2")),
                new Write("POST", plans + "/gold/visibility", json("visibility", "PRIVATE")),
                new Write("POST", plans + "/gold/migrate-subscribers", json("effective", "NOW")),
                new Write("POST", plans + "/gold/activate", null),
                new Write("POST", plans + "/gold/deactivate", null),
                new Write("POST", plans + "/gold/archive", null),
                new Write("POST", plans + "/gold/restore", null),
                new Write("POST", plans + "/gold/recommend", null),
                new Write("POST", plans + "/gold/withdraw-recommendation", null),
                new Write("PUT", c, json("companyName", "Acme Ltd", "email", "acme@example.com")),
                new Write("POST", c + "/plan", json("planId", "silver", "billingCycle", "MONTHLY")),
                new Write("POST", c + "/payments", json("amount", "100.00", "currency", "INR", "reference", "r-1")),
                new Write("POST", c + "/block", json("note", "check")),
                new Write("POST", c + "/unblock", null),
                new Write("POST", c + "/users", json("userId", "bo", "email", "bo@acme.example", "role", "MEMBER")),
                new Write("PUT", c + "/users/ana", json("role", "ADMIN")),
                new Write("DELETE", c + "/users/ana", null),
                new Write("POST", c + "/add-ons", json("code", "EXTRA_MSGS", "quantity", 2)),
                new Write("DELETE", c + "/add-ons/EXTRA_MSGS", null),
                new Write("POST", c + "/usage", json("metric", "messages", "quantity", 5, "usageId", "u-1")),
                new Write("POST", c + "/cancel", json("reason", "moving on")),
                new Write("POST", c + "/reactivate", null),
                new Write("DELETE", c + "/scheduled-change", null));
        List<String> faults = new ArrayList<>();
        for (Write write : writes) {
            Api.Response r = admin.with("If-Match", "\"999\"").send(write.method(), write.path(), write.body());
            if (r.status() != 412 || !"VERSION_MISMATCH".equals(r.at("/code"))) {
                faults.add(write.method() + " " + write.path() + ": " + r.status() + " " + r.at("/code"));
            }
        }
        assertThat(faults).isEmpty();
        assertThat(EventStoreRows.partnerEvents(eventStoreDataSource, partner)).isEqualTo(before);

        // the current version goes through
        String version = admin.get(plans + "/gold").at("/version");
        Api.Response current = admin.with("If-Match", "\"" + version + "\"").post(plans + "/gold/visibility",
                json("visibility", "PRIVATE"));
        assertThat(current.status()).as(current.toString()).isEqualTo(200);
        String customerVersion = admin.get(c).at("/version");
        Api.Response usage = admin.with("If-Match", customerVersion).post(c + "/usage",
                json("metric", "messages", "quantity", 5, "usageId", "u-1"));
        assertThat(usage.status()).as(usage.toString()).isEqualTo(200);
    }
}
