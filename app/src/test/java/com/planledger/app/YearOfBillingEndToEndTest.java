package com.planledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.planledger.app.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One year of billing rehearsed over HTTP with the test clock, for a monthly and a yearly customer who both start
 * on 31 January: renewals on the anchor days, a partial payment, an overdue block and its lifting, an upgrade
 * prorated in the middle of a period, a downgrade scheduled for the period end, a cancel at the period end, usage
 * months of a yearly customer. Every figure at the end is computed by hand below.
 *
 * <p>Plans (INR, GST 18 % exclusive, 7 days of grace, no trial): silver 299.00 / 2990.00, gold 499.00 / 4990.00,
 * platinum 999.00 / 9990.00 (monthly / yearly). With GST a month costs 352.82, 588.82 and 1178.82; a gold year
 * 5888.20.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = PlanLedgerApplication.class)
class YearOfBillingEndToEndTest {

    static final Instant START = Instant.parse("2027-01-31T09:00:00Z");

    @LocalServerPort
    int port;

    private Api admin;
    private String customers;
    private String invoices;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestClockEndToEndTest.withTestClock(registry, "year", START);
    }

    @Test
    void a_monthly_and_a_yearly_customer_from_31_january_through_one_year() {
        admin = Api.at(port, EndToEndTest.ADMIN_KEY);
        String partner = "p-" + UUID.randomUUID().toString().substring(0, 12);
        String plans = "/v1/partners/" + partner + "/plans";
        customers = "/v1/partners/" + partner + "/customers";
        invoices = "/v1/partners/" + partner + "/invoices";
        for (String[] plan : new String[][]{{"silver", "299", "2990"}, {"gold", "499", "4990"},
                {"platinum", "999", "9990"}}) {
            Map<String, Object> body = TestPlans.plan(plan[0], plan[0], plan[1]);
            body.put("prices", json("MONTHLY", plan[1], "YEARLY", plan[2]));
            body.put("trialDays", 0);
            body.put("addOns", List.of());
            assertThat(admin.post(plans, body).status()).isEqualTo(201);
        }

        // 31 Jan 09:00: both start on gold and get their first invoice at once (due at once: payment terms 0)
        register("monthly", "MONTHLY");
        register("yearly", "YEARLY");
        pay("yearly", "5888.20", "y-1");
        pay("monthly", "300.00", "m-1"); // partial: 288.82 of INV-1 still open
        JsonNode monthly = customer("monthly");
        assertThat(monthly.at("/state").asText()).isEqualTo("IN_GRACE");
        assertThat(monthly.at("/subscription/graceEndsAt").asText()).isEqualTo("2027-02-07T09:00:00Z");
        assertThat(monthly.at("/account/openAmount").asText()).isEqualTo("288.82");
        assertThat(customer("yearly").at("/state").asText()).isEqualTo("ACTIVE");

        // the yearly customer's usage months start on the anchor day, whatever the cycle
        usage("yearly", "messages", "quantity", 10000, "u-1");
        usage("yearly", "workspaces", "level", 2, "u-2");
        usage("yearly", "workspaces", "level", 1, "u-3"); // a level goes down
        advanceTo("2027-02-08T00:00:00Z");
        JsonNode entitlements = admin.get(customers + "/yearly/entitlements").body();
        assertThat(entitlements.at("/usage/messages").asLong()).isEqualTo(10000);
        assertThat(entitlements.at("/reached/messages").asBoolean()).isTrue();
        assertThat(entitlements.at("/usage/workspaces").asLong()).isEqualTo(1);
        assertThat(entitlements.at("/reached/workspaces").asBoolean()).isFalse();

        // 7 Feb 09:00: the grace ended with 288.82 overdue: blocked; paying the rest lifts the block
        monthly = customer("monthly");
        assertThat(monthly.at("/state").asText()).isEqualTo("BLOCKED");
        assertThat(monthly.at("/blocks/0/reason").asText()).isEqualTo("PAYMENT_OVERDUE");
        assertThat(monthly.at("/blocks/0/at").asText()).isEqualTo("2027-02-07T09:00:00Z");
        assertThat(monthly.at("/account/overdueAmount").asText()).isEqualTo("288.82");
        pay("monthly", "288.82", "m-2");
        monthly = customer("monthly");
        assertThat(monthly.at("/state").asText()).isEqualTo("ACTIVE");
        assertThat(monthly.at("/blocks").size()).isZero();

        // 28 Feb 09:00: renewal INV-3 (the anchor is the 31st, so the period ends on 28 Feb); paid the next day
        advanceTo("2027-03-01T00:00:00Z");
        monthly = customer("monthly");
        assertThat(monthly.at("/subscription/periodStart").asText()).isEqualTo("2027-02-28T09:00:00Z");
        assertThat(monthly.at("/subscription/periodEnd").asText()).isEqualTo("2027-03-31T09:00:00Z");
        assertThat(monthly.at("/account/openAmount").asText()).isEqualTo("588.82");
        pay("monthly", "588.82", "m-3");
        entitlements = admin.get(customers + "/yearly/entitlements").body();
        assertThat(entitlements.at("/usage/messages").asLong()).isZero(); // a new usage month for the yearly one
        assertThat(entitlements.at("/windows/messages/from").asText()).isEqualTo("2027-02-28T09:00:00Z");
        assertThat(entitlements.at("/windows/messages/to").asText()).isEqualTo("2027-03-31T09:00:00Z");
        assertThat(entitlements.at("/periodEnd").asText()).isEqualTo("2028-01-31T09:00:00Z");

        // 15 Mar 21:00, half of the 31-day period (28 Feb 09:00 to 31 Mar 09:00) left: upgrade to platinum now,
        // prorated.
        // credit -249.50 (499.00 x 1/2), charge 499.50 (999.00 x 1/2): subtotal 250.00, GST 45.00, total 295.00
        advanceTo("2027-03-15T21:00:00Z");
        changePlan("monthly", "platinum", "NOW");
        JsonNode upgrade = admin.get(invoices + "/INV-4").body();
        assertThat(upgrade.at("/reason").asText()).isEqualTo("PLAN_CHANGE");
        assertThat(upgrade.at("/lines/0/amount").asText()).isEqualTo("-249.50");
        assertThat(upgrade.at("/lines/1/amount").asText()).isEqualTo("499.50");
        assertThat(upgrade.at("/subtotal").asText()).isEqualTo("250.00");
        assertThat(upgrade.at("/tax/amount").asText()).isEqualTo("45.00");
        assertThat(upgrade.at("/total").asText()).isEqualTo("295.00");
        pay("monthly", "295.00", "m-4");

        // 31 Mar 09:00: renewal INV-5 at platinum (1178.82), paid on 1 April
        advanceTo("2027-04-01T00:00:00Z");
        assertThat(admin.get(invoices + "/INV-5").at("/total")).isEqualTo("1178.82");
        pay("monthly", "1178.82", "m-5");

        // 10 Apr: downgrade to silver at the period end; nothing moves until then
        advanceTo("2027-04-10T00:00:00Z");
        changePlan("monthly", "silver", "PERIOD_END");
        monthly = customer("monthly");
        assertThat(monthly.at("/subscription/planId").asText()).isEqualTo("platinum");
        assertThat(monthly.at("/subscription/scheduledChange/planId").asText()).isEqualTo("silver");
        assertThat(monthly.at("/subscription/scheduledChange/effectiveAt").asText())
                .isEqualTo("2027-04-30T09:00:00Z");

        // 30 Apr 09:00: renewal INV-6 at silver (352.82). On 1 May a payment of 2000.00 settles it, 1647.18 is credit
        advanceTo("2027-05-01T00:00:00Z");
        monthly = customer("monthly");
        assertThat(monthly.at("/subscription/planId").asText()).isEqualTo("silver");
        assertThat(monthly.at("/subscription/scheduledChange").isNull()).isTrue();
        assertThat(admin.get(invoices + "/INV-6").at("/total")).isEqualTo("352.82");
        pay("monthly", "2000.00", "m-6");
        assertThat(customer("monthly").at("/account/balance").asText()).isEqualTo("1647.18");

        // renewals on 31 May, 30 Jun, 31 Jul and 31 Aug are paid by the credit: 1647.18 - 4 x 352.82 = 235.90.
        // 15 Sep: cancel at the period end; on 30 Sep the subscription ends with no invoice
        advanceTo("2027-09-15T00:00:00Z");
        Api.Response cancel = admin.post(customers + "/monthly/cancel?consistency=wait",
                json("effective", "PERIOD_END", "reason", "moving to another provider"));
        assertThat(cancel.status()).as(cancel.toString()).isEqualTo(200);
        assertThat(customer("monthly").at("/subscription/cancelAt").asText()).isEqualTo("2027-09-30T09:00:00Z");
        advanceTo("2027-10-01T00:00:00Z");
        monthly = customer("monthly");
        assertThat(monthly.at("/state").asText()).isEqualTo("CANCELLED");
        assertThat(monthly.at("/subscription").isNull()).isTrue();

        // 31 Jan 2028 09:00: the yearly customer renews (INV-11, 5888.20) and pays 1000.00 of it at 10:00
        advanceTo("2028-01-31T10:00:00Z");
        pay("yearly", "1000.00", "y-2");

        // the end: balances, invoices and the dashboard, by hand
        monthly = customer("monthly");
        assertThat(monthly.at("/account/balance").asText()).isEqualTo("235.90");
        assertThat(monthly.at("/account/openAmount").asText()).isEqualTo("0.00");
        List<String> monthlyInvoices = new ArrayList<>();
        JsonNode monthlyList = admin.get(customers + "/monthly/invoices").body();
        monthlyList.at("/items").forEach(i -> monthlyInvoices.add(i.at("/number").asText() + " "
                + i.at("/reason").asText() + " " + i.at("/total").asText() + " " + i.at("/creditApplied").asText()
                + " " + i.at("/status").asText() + " " + i.at("/lines/0/periodStart").asText()));
        assertThat(monthlyInvoices).containsExactly(
                "INV-10 RENEWAL 352.82 352.82 PAID 2027-08-31T09:00:00Z",
                "INV-9 RENEWAL 352.82 352.82 PAID 2027-07-31T09:00:00Z",
                "INV-8 RENEWAL 352.82 352.82 PAID 2027-06-30T09:00:00Z",
                "INV-7 RENEWAL 352.82 352.82 PAID 2027-05-31T09:00:00Z",
                "INV-6 RENEWAL 352.82 0.00 PAID 2027-04-30T09:00:00Z",
                "INV-5 RENEWAL 1178.82 0.00 PAID 2027-03-31T09:00:00Z",
                "INV-4 PLAN_CHANGE 295.00 0.00 PAID 2027-03-15T21:00:00Z",
                "INV-3 RENEWAL 588.82 0.00 PAID 2027-02-28T09:00:00Z",
                "INV-1 SUBSCRIPTION_START 588.82 0.00 PAID 2027-01-31T09:00:00Z");

        JsonNode yearly = customer("yearly");
        assertThat(yearly.at("/state").asText()).isEqualTo("IN_GRACE");
        assertThat(yearly.at("/subscription/periodStart").asText()).isEqualTo("2028-01-31T09:00:00Z");
        assertThat(yearly.at("/subscription/periodEnd").asText()).isEqualTo("2029-01-31T09:00:00Z");
        assertThat(yearly.at("/account/openAmount").asText()).isEqualTo("4888.20");
        assertThat(yearly.at("/account/overdueAmount").asText()).isEqualTo("4888.20");
        assertThat(yearly.at("/account/balance").asText()).isEqualTo("0.00");
        JsonNode open = admin.get(invoices + "?status=OPEN").body();
        assertThat(open.at("/total").asLong()).isEqualTo(1);
        assertThat(open.at("/items/0/number").asText()).isEqualTo("INV-11");
        assertThat(open.at("/items/0/amountPaid").asText()).isEqualTo("1000.00");
        assertThat(open.at("/items/0/amountDue").asText()).isEqualTo("4888.20");
        // 2028 is a leap year: the yearly customer's February usage month ends on the 29th
        entitlements = admin.get(customers + "/yearly/entitlements").body();
        assertThat(entitlements.at("/windows/messages/to").asText()).isEqualTo("2028-02-29T09:00:00Z");

        JsonNode dashboard = admin.get("/v1/partners/" + partner + "/dashboard").body();
        assertThat(dashboard.at("/customers/total").asLong()).isEqualTo(2);
        assertThat(dashboard.at("/customers/inGrace").asLong()).isEqualTo(1);
        assertThat(dashboard.at("/customers/cancelled").asLong()).isEqualTo(1);
        // only the yearly customer is still invoiced: 4990.00 / 12, net of tax
        assertThat(dashboard.at("/monthlyRecurringRevenue/INR").asText()).isEqualTo("415.83");
        assertThat(dashboard.at("/money/INR/openAmount").asText()).isEqualTo("4888.20");
        assertThat(dashboard.at("/money/INR/overdueAmount").asText()).isEqualTo("4888.20");
        assertThat(dashboard.at("/money/INR/collectedLast30Days").asText()).isEqualTo("1000.00");
    }

    private void register(String id, String cycle) {
        Api.Response r = admin.post(customers + "?consistency=wait", json("customerId", id, "companyName",
                id.toUpperCase(), "email", id + "@example.com", "planId", "gold", "billingCycle", cycle));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    private void pay(String id, String amount, String reference) {
        Api.Response r = admin.post(customers + "/" + id + "/payments?consistency=wait",
                json("amount", amount, "currency", "INR", "reference", reference));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private void usage(String id, String metric, String field, long value, String usageId) {
        Api.Response r = admin.post(customers + "/" + id + "/usage?consistency=wait",
                json("metric", metric, field, value, "usageId", usageId));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private void changePlan(String id, String planId, String effective) {
        Api.Response r = admin.post(customers + "/" + id + "/plan?consistency=wait",
                json("planId", planId, "billingCycle", "MONTHLY", "effective", effective));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private void advanceTo(String instant) {
        Api.Response r = admin.post("/v1/admin/clock/advance", json("to", instant));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.at("/readModelsCaughtUp")).isEqualTo("true");
    }

    private JsonNode customer(String id) {
        Api.Response r = admin.get(customers + "/" + id);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.body();
    }
}
