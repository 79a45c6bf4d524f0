package com.planledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static com.planledger.app.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the API description, generated from it, on partner-a's data, by every kind of caller: no
 * key, a wrong key, ADMIN, partner-a's PARTNER key, partner-b's PARTNER key, an AUDITOR of all partners, of
 * partner-a and of partner-b; each against an existing and a missing id. Writes carry a stale {@code If-Match} and an empty body, so
 * none of them may change anything.
 * <ul>
 *   <li>no key or a wrong key: 401 with {@code WWW-Authenticate: Bearer};</li>
 *   <li>a caller outside the partner (PARTNER or AUDITOR of another): the same answer, status and code, for an
 *   existing and a missing id, and never a success: nothing tells it what exists;</li>
 *   <li>the partner's own PARTNER key: what ADMIN gets, on every partner operation;</li>
 *   <li>an AUDITOR of the partner or of all: what ADMIN gets on reads, 403 on writes;</li>
 *   <li>admin operations: 403 for every key but ADMIN;</li>
 *   <li>no 5xx, every refusal problem+json, and no event stored.</li>
 * </ul>
 */
class RoleSweepEndToEndTest extends EndToEndTest {

    private static final String WRONG_KEY = "no-such-key-0123456789";

    @Autowired
    DataSource eventStoreDataSource;

    private record Caller(String name, String key) {
    }

    @Test
    void every_operation_answers_each_caller_as_its_role_allows_and_reveals_nothing_across_partners()
            throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String own = PARTNER_A;
        Map<String, String> existing = seed(own, suffix);
        Map<String, String> missing = Map.of("planId", "nope-" + suffix, "customerId", "nope-" + suffix,
                "userId", "nope-" + suffix, "code", "NOPE", "number", "NOPE-1", "jobId", "nope-" + suffix,
                "name", "nope");
        long eventsBefore = sweepEvents(suffix);

        List<Caller> outsiders = List.of(new Caller("foreign PARTNER", FOREIGN_PARTNER_KEY),
                new Caller("foreign AUDITOR", FOREIGN_AUDITOR_KEY));
        JsonNode docs = Api.at(port, null).get("/v3/api-docs").body();
        List<String> faults = new ArrayList<>();
        int requests = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = docs.at("/paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next().toUpperCase();
                String template = path.getKey();
                boolean read = method.equals("GET");
                boolean admin = template.startsWith("/v1/admin");
                boolean stream = template.endsWith("/dashboard/stream");
                String op = method + " " + template;
                String existingPath = fill(template, own, existing);
                String missingPath = fill(template, own, missing);

                for (Caller anonymous : List.of(new Caller("no key", null), new Caller("wrong key", WRONG_KEY))) {
                    Api.Response r = send(anonymous.key(), method, existingPath, read);
                    requests++;
                    String challenge = r.header("WWW-Authenticate");
                    if (r.status() != 401 || challenge == null || !challenge.startsWith("Bearer")) {
                        faults.add(op + " " + anonymous.name() + ": " + r.status() + " " + challenge);
                    }
                    problemJson(faults, op + " " + anonymous.name(), r);
                }
                if (admin) {
                    for (String key : List.of(PARTNER_A_KEY, AUDITOR_KEY, AUDITOR_A_KEY, FOREIGN_PARTNER_KEY)) {
                        Api.Response r = send(key, method, read ? existingPath : missingPath, read);
                        requests++;
                        if (r.status() != 403) {
                            faults.add(op + " non-ADMIN key: " + r.status());
                        }
                        problemJson(faults, op + " non-ADMIN key", r);
                    }
                    if (read) {
                        Api.Response r = send(ADMIN_KEY, method, existingPath, true);
                        requests++;
                        if (r.status() != 200) {
                            faults.add(op + " ADMIN: " + r.status());
                        }
                    }
                    continue;
                }
                for (Caller outsider : outsiders) {
                    Api.Response hit = send(outsider.key(), method, existingPath, read);
                    Api.Response miss = send(outsider.key(), method, missingPath, read);
                    requests += 2;
                    if (hit.status() != miss.status() || !Objects.equals(hit.at("/code"), miss.at("/code"))) {
                        faults.add(op + " " + outsider.name() + ": existing " + hit.status() + " " + hit.at("/code")
                                + ", missing " + miss.status() + " " + miss.at("/code"));
                    }
                    if (hit.status() < 400) {
                        faults.add(op + " " + outsider.name() + ": answered " + hit.status());
                    }
                    problemJson(faults, op + " " + outsider.name(), hit);
                }
                if (stream) {
                    continue; // an allowed caller's stream does not end
                }
                for (Map.Entry<String, String> target : Map.of("existing", existingPath, "missing", missingPath)
                        .entrySet()) {
                    Api.Response byAdmin = send(ADMIN_KEY, method, target.getValue(), read);
                    requests++;
                    if (byAdmin.status() >= 500) {
                        faults.add(op + " ADMIN " + target.getKey() + ": " + byAdmin.status());
                    }
                    if (!read && byAdmin.status() < 400) {
                        faults.add(op + " ADMIN " + target.getKey() + ": a write with a stale If-Match answered "
                                + byAdmin.status());
                    }
                    if (byAdmin.status() >= 400) {
                        problemJson(faults, op + " ADMIN " + target.getKey(), byAdmin);
                    }
                    List<Caller> insiders = new ArrayList<>(List.of(new Caller("own PARTNER", PARTNER_A_KEY)));
                    if (read) {
                        insiders.add(new Caller("AUDITOR *", AUDITOR_KEY));
                        insiders.add(new Caller("own AUDITOR", AUDITOR_A_KEY));
                    }
                    for (Caller insider : insiders) {
                        Api.Response r = send(insider.key(), method, target.getValue(), read);
                        requests++;
                        if (r.status() != byAdmin.status() || !Objects.equals(r.at("/code"), byAdmin.at("/code"))) {
                            faults.add(op + " " + insider.name() + " " + target.getKey() + ": " + r.status() + " "
                                    + r.at("/code") + ", ADMIN got " + byAdmin.status() + " " + byAdmin.at("/code"));
                        }
                    }
                    if (!read) {
                        for (String auditor : List.of(AUDITOR_KEY, AUDITOR_A_KEY)) {
                            Api.Response r = send(auditor, method, target.getValue(), false);
                            requests++;
                            if (r.status() != 403) {
                                faults.add(op + " AUDITOR write " + target.getKey() + ": " + r.status());
                            }
                        }
                    }
                }
            }
        }
        assertThat(faults).as(requests + " requests").isEmpty();
        assertThat(requests).isGreaterThan(600);
        assertThat(sweepEvents(suffix)).as("events of the swept aggregates").isEqualTo(eventsBefore);
    }

    /** Plan, customer (invoiced at once), user and add-on of {@code partnerId}; the path values naming them. */
    private Map<String, String> seed(String partnerId, String suffix) {
        String base = "/v1/partners/" + partnerId;
        String plan = "sw-plan-" + suffix;
        String customer = "sw-cust-" + suffix;
        String user = "sw-user-" + suffix;
        Map<String, Object> body = TestPlans.plan(plan, "sweep " + suffix, "499");
        body.put("trialDays", 0);
        assertThat(admin.post(base + "/plans", body).status()).isEqualTo(201);
        assertThat(admin.post(base + "/customers", json("customerId", customer, "companyName", "Sweep",
                "email", customer + "@sweep.example", "planId", plan, "billingCycle", "MONTHLY")).status())
                .isEqualTo(201);
        assertThat(admin.post(base + "/customers/" + customer + "/users", json("userId", user,
                "email", user + "@sweep.example", "role", "OWNER")).status()).isEqualTo(201);
        assertThat(admin.post(base + "/customers/" + customer + "/add-ons?consistency=wait",
                json("code", "EXTRA_MSGS", "quantity", 1)).status()).isEqualTo(200);
        String invoice = admin.get(base + "/customers/" + customer + "/invoices").body()
                .at("/items/0/number").asText();
        assertThat(invoice).isNotBlank();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("planId", plan);
        values.put("customerId", customer);
        values.put("userId", user);
        values.put("code", "EXTRA_MSGS");
        values.put("number", invoice);
        values.put("jobId", "job-" + suffix);
        values.put("name", "plan-catalog");
        return values;
    }

    private static String fill(String template, String partnerId, Map<String, String> values) {
        String path = template.replace("{partnerId}", partnerId);
        for (Map.Entry<String, String> value : values.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        assertThat(path).as(template).doesNotContain("{");
        return path;
    }

    /** A read as it is; a write with an empty body and a stale If-Match. */
    private Api.Response send(String key, String method, String path, boolean read) {
        Api api = Api.at(port, key);
        return read ? api.send(method, path, null) : api.with("If-Match", "\"999999\"").send(method, path, "{}");
    }

    private static void problemJson(List<String> faults, String what, Api.Response r) {
        if (r.status() >= 500) {
            faults.add(what + ": " + r.status());
        }
        String type = r.header("Content-Type");
        if (r.status() >= 400 && (type == null || !type.startsWith("application/problem+json"))) {
            faults.add(what + ": " + r.status() + " as " + type);
        }
    }

    /** The events of the sweep's own aggregates. */
    private long sweepEvents(String suffix) throws Exception {
        try (Connection connection = eventStoreDataSource.getConnection();
             PreparedStatement count = connection.prepareStatement(
                     "SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier LIKE ?")) {
            count.setString(1, "%:sw-%-" + suffix);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
