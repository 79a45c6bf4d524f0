package com.planledger.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An {@code Idempotency-Key} holds across command instances that share the MongoDB read store: the repeat sent
 * to the other instance answers the first answer, and nothing reaches that instance's event store. (Each
 * instance here has an event store of its own, so a second execution would show as a second plan.)
 */
class IdempotencyAcrossInstancesTest {

    @TempDir
    Path dir;

    @Test
    void a_key_used_on_one_instance_is_answered_from_its_record_on_another() {
        try (TestMongo mongo = TestMongo.withLookupsBuilt();
             ConfigurableApplicationContext first = start(dir.resolve("a"), mongo);
             ConfigurableApplicationContext second = start(dir.resolve("b"), mongo)) {
            Api one = Api.at(port(first), EndToEndTest.ADMIN_KEY).with("Idempotency-Key", "create-gold-1");
            Api two = Api.at(port(second), EndToEndTest.ADMIN_KEY).with("Idempotency-Key", "create-gold-1");
            String plans = "/v1/partners/shared/plans";

            Api.Response created = one.post(plans, TestPlans.plan("gold", "gold", "499"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            Api.Response repeated = two.post(plans, TestPlans.plan("gold", "gold", "499"));
            assertThat(repeated.status()).isEqualTo(201);
            assertThat(repeated.text()).isEqualTo(created.text());
            assertThat(repeated.header("Location")).isEqualTo(created.header("Location"));

            Api plain = Api.at(port(second), EndToEndTest.ADMIN_KEY);
            assertThat(plain.get(plans + "/gold/history").status())
                    .as("the repeat never ran on the second instance").isEqualTo(404);
            assertThat(two.post(plans, TestPlans.plan("gold", "other", "1")).at("/code"))
                    .isEqualTo("IDEMPOTENCY_KEY_REUSED");
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir, TestMongo mongo) {
        return new SpringApplicationBuilder(PlanLedgerApplication.class).run("--server.port=0",
                "--planledger.data-dir=" + dataDir,
                "--planledger.security.api-keys=ops:" + EndToEndTest.ADMIN_KEY + ":ADMIN",
                "--planledger.billing.scheduler-enabled=false",
                "--planledger.read-store=mongodb", "--planledger.mongodb.uri=" + mongo.uri());
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }
}
