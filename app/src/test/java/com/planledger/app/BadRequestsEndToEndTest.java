package com.planledger.app;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;

import static com.planledger.app.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated bad requests against every write and list endpoint: malformed, mistyped and oversized bodies, wrong
 * media types, bad {@code If-Match} values and hostile list parameters. Every answer is a 4xx problem+json, and
 * none of them stores an event.
 */
class BadRequestsEndToEndTest extends EndToEndTest {

    @Autowired
    DataSource eventStoreDataSource;

    private record Write(String method, String path) {
    }

    @Test
    void a_thousand_bad_requests_answer_4xx_problems_and_store_nothing() throws Exception {
        assertThat(admin.post(plans, TestPlans.plan("gold", "gold", "499")).status()).isEqualTo(201);
        assertThat(admin.post(customers + "?consistency=wait", json("customerId", "acme", "companyName", "Acme",
                "email", "acme@example.com", "planId", "gold", "billingCycle", "MONTHLY")).status()).isEqualTo(201);
        assertThat(admin.post(customers + "/acme/users?consistency=wait",
                json("userId", "ana", "email", "ana@acme.example", "role", "OWNER")).status()).isEqualTo(201);
        long eventsBefore = EventStoreRows.partnerEvents(eventStoreDataSource, partner);

        String c = customers + "/acme";
        List<Write> writes = List.of(new Write("POST", plans), new Write("PUT", plans + "/gold"),
                new Write("POST", plans + "/gold/duplicate"), new Write("POST", plans + "/gold/visibility"),
                new Write("POST", plans + "/gold/migrate-subscribers"), new Write("POST", customers),
                new Write("PUT", c), new Write("POST", c + "/plan"), new Write("POST", c + "/payments"),
                new Write("POST", c + "/block"), new Write("POST", c + "/users"), new Write("PUT", c + "/users/ana"),
                new Write("POST", c + "/add-ons"), new Write("POST", c + "/usage"), new Write("POST", c + "/cancel"),
                new Write("POST", c + "/reactivate"));
        String big = "{\"companyName\":\"" + "x".repeat(300_000) + "\"}";
        List<String> bodies = new ArrayList<>(List.of("", "{", "[]", "null", "42", "\"text\"", "{\"a\":1}{\"b\":2}",
                "{\"name\":\"a\",\"name\":\"b\"}", "{\"companyName\":\"a\\ud800b\"}", "{\"trialDays\":1.5}",
                "{\"name\":true}", "{\"companyName\":12}", "{\"tax\":{\"enabled\":12345}}", "{\"quantity\":-1}",
                "{\"quantity\":1e400}", "{\"amount\":\"abc\"}", "{\"email\":\"not-an-email\"}",
                "{\"metric\":\"minutes\",\"quantity\":1,\"usageId\":\"x\"}", "{\"billingCycle\":\"DAILY\"}",
                "{\"role\":\"KING\"}", "{\"visibility\":\"SECRET\"}", "{\"effective\":\"LATER\"}",
                "{\"unknownField\":1}", "{\"prices\":{\"MONTHLY\":\"-5\"}}", "{\"limits\":\"none\"}",
                "{\"note\":\"" + "n".repeat(600) + "\"}", "{\"planId\":\"../x\"}", "{\"userId\":\"a b\"}",
                "\u0000", "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}", big,
                "{\"planId\":{}}", "{\"planId\":[]}", "{\"planId\":1}", "{\"email\":[\"a@b.c\"]}",
                "{\"currency\":\"XXXX\"}", "{\"currency\":1}", "{\"trialDays\":-3}", "{\"trialDays\":\"3\"}",
                "{\"gracePeriodDays\":99999999999}", "{\"quantity\":1.0}", "{\"quantity\":true}",
                "{\"amount\":1e9999}", "{\"amount\":\"1.234\"}", "{\"reference\":\"\"}",
                "{\"companyName\":\"\"}", "{\"companyName\":\"" + "c".repeat(1000) + "\"}",
                "{\"displayName\":null}", "{\"addOns\":[{}]}", "{\"integrations\":[1]}", "{\"code\":\"\"}",
                "{'single':'quotes'}", "{\"a\":1,}", "{\"a\":NaN}", "{\"a\":\"\\x\"}"));
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Write write : writes) {
            for (String body : bodies) {
                sent += check(failures, write.method() + " " + write.path() + " " + abbreviate(body),
                        admin.send(write.method(), write.path(), body));
            }
            for (String contentType : List.of("*/*", "text/plain", "application/*", "application/json;;;", "x")) {
                sent += check(failures, write + " Content-Type " + contentType,
                        admin.with("Content-Type", contentType).send(write.method(), write.path(), "{}"));
            }
            for (String ifMatch : List.of("abc", "\"-1\"", "W/\"x\"", "99999999999999999999")) {
                sent += check(failures, write + " If-Match " + ifMatch,
                        admin.with("If-Match", ifMatch).send(write.method(), write.path(), "{}"));
            }
        }
        List<Write> bodiless = List.of(new Write("POST", plans + "/gold/activate"),
                new Write("POST", plans + "/gold/deactivate"), new Write("POST", plans + "/gold/archive"),
                new Write("POST", plans + "/gold/restore"), new Write("POST", plans + "/gold/recommend"),
                new Write("POST", plans + "/gold/withdraw-recommendation"), new Write("POST", c + "/unblock"),
                new Write("DELETE", c + "/users/ana"), new Write("DELETE", c + "/add-ons/EXTRA_MSGS"));
        for (Write write : bodiless) {
            for (String ifMatch : List.of("abc", "\"-1\"", "W/\"x\"", "99999999999999999999", "1.5", "\"")) {
                sent += check(failures, write + " If-Match " + ifMatch,
                        admin.with("If-Match", ifMatch).send(write.method(), write.path(), null));
            }
            for (String contentType : List.of("*/*", "application/*", "x")) {
                sent += check(failures, write + " Content-Type " + contentType,
                        admin.with("Content-Type", contentType).send(write.method(), write.path(), "{}"));
            }
        }
        List<String> lists = List.of(plans, customers, customers + "/acme/users", "/v1/partners/" + partner + "/events",
                plans + "/gold", plans + "/gold/history", c, c + "/history");
        List<String> parameters = List.of("q=%00", "q=" + "a".repeat(300), "q=%E2%80%AE%F0%9F%98%80", "size=0",
                "size=-1", "size=100000", "page=-1", "page=99999999999", "sort=nope,asc", "sort=,", "status=GONE",
                "type=X", "asOf=yesterday", "asOf=-1000000000-01-01T00:00:00Z", "asOf=+1000000000-01-01T00:00:00Z",
                "from=-1000000000-01-01T00:00:00Z", "to=1970-01-01T00:00:00Z&from=2000-01-01T00:00:00Z",
                "consistency=maybe", "archived=perhaps", "visibility=%00", "planId=%FF", "q=%25");
        for (String list : lists) {
            for (String parameter : parameters) {
                Api.Response r = admin.get(list + "?" + parameter);
                if (r.status() == 200) {
                    sent++;
                    continue;
                }
                sent += check(failures, "GET " + list + "?" + parameter, r);
            }
        }
        for (String path : List.of("/error", plans + "/a%2Fb", plans + "/a%00b", plans + "/%C3%A9", plans + "/"
                + "a".repeat(5000), plans + "/..%2F..", customers + "/%25ZZ")) {
            sent += check(failures, "GET " + path, admin.get(path));
        }
        sent += check(failures, "10 KB header", admin.with("X-Big", "h".repeat(10_000)).get(plans));

        assertThat(sent).isGreaterThanOrEqualTo(1_000);
        assertThat(failures).as("answers that are 5xx or not problem+json").isEmpty();
        assertThat(EventStoreRows.partnerEvents(eventStoreDataSource, partner)).as("no bad request stored an event")
                .isEqualTo(eventsBefore);
    }

    /** Records a failure unless the answer is a 4xx problem; answers 1 (one request sent). */
    private static int check(List<String> failures, String what, Api.Response r) {
        String type = r.header("Content-Type");
        if (r.status() < 400 || r.status() >= 500 || type == null || !type.startsWith("application/problem+json")
                || r.body().at("/code").asText().isEmpty()) {
            failures.add(what + " -> " + r.status() + " " + type + " " + abbreviate(r.text()));
        }
        return 1;
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
