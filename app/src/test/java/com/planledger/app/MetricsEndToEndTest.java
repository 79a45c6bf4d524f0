package com.planledger.app;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.planledger.app.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Axon's metrics and the business metrics, as Prometheus scrapes them. */
class MetricsEndToEndTest extends EndToEndTest {

    @Test
    void prometheus_shows_axon_and_business_metrics() {
        String partner = freshPartner();
        String plans = "/v1/partners/" + partner + "/plans";
        admin.post(plans, TestPlans.plan("gold", "gold", "499"));
        admin.post(plans, TestPlans.plan("gold-2", "GOLD", "499"));
        admin.post("/v1/partners/" + partner + "/customers?consistency=wait", json("customerId", "c1",
                "companyName", "C1", "email", "c1@example.com", "planId", "gold", "billingCycle", "MONTHLY"));

        Api anonymous = Api.at(port, null);
        await().atMost(Duration.ofSeconds(20)).until(() -> anonymous.get("/actuator/prometheus").text()
                .contains("planledger_customers{application=\"planledger\",state=\"TRIALING\"}"));
        String metrics = anonymous.get("/actuator/prometheus").text();
        assertThat(metrics)
                .contains("planledger_commands_seconds_count{application=\"planledger\",outcome=\"success\","
                        + "type=\"CreatePlanCommand\"}")
                .contains("outcome=\"PLAN_NAME_TAKEN\",type=\"CreatePlanCommand\"")
                .contains("planledger_plans{application=\"planledger\",status=\"ACTIVE\"}")
                .contains("planledger_billing_due_customers_total")
                .containsPattern("commandBus_[A-Za-z_]+\\{.*CreatePlanCommand")
                .containsPattern("eventProcessor_latency[A-Za-z_]*\\{.*processorName=\"plan-catalog\"")
                .containsPattern("eventProcessor_[A-Za-z_]+\\{.*processorName=\"dashboard\"")
                .containsPattern("eventStore_[A-Za-z_]+\\{")
                .containsPattern("queryBus_[A-Za-z_]+\\{");
    }
}
