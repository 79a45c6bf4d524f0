package com.planledger.app;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.util.UUID;

/**
 * Base of the end-to-end tests: the whole service in embedded mode on a random port of 127.0.0.1, over HTTP. Every
 * test class shares one Spring context (same configuration, so Spring's context cache reuses it); tests isolate
 * themselves by using fresh partner ids.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = PlanLedgerApplication.class)
@Import(TestClockConfiguration.class)
@AutoConfigureObservability
public abstract class EndToEndTest {

    public static final String ADMIN_KEY = "admin-key-0123456789";
    public static final String AUDITOR_KEY = "auditor-key-0123456789";
    public static final String PARTNER_A_KEY = "partner-a-key-0123456789";
    public static final String PARTNER_A = "partner-a";
    /** An AUDITOR of partner-a only. */
    public static final String AUDITOR_A_KEY = "auditor-a-key-0123456789";
    /** A PARTNER and an AUDITOR key of partner-b: callers from outside partner-a. */
    public static final String FOREIGN_PARTNER_KEY = "partner-b-key-0123456789";
    public static final String FOREIGN_AUDITOR_KEY = "auditor-b-key-0123456789";

    static final Path DATA_DIR = Path.of("target", "e2e-data", UUID.randomUUID().toString());

    @LocalServerPort
    protected int port;

    protected Api admin;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("planledger.data-dir", DATA_DIR::toString);
        registry.add("planledger.security.api-keys", () -> "ops-1:" + ADMIN_KEY + ":ADMIN,"
                + "audit:" + AUDITOR_KEY + ":AUDITOR:*,"
                + "partner-a:" + PARTNER_A_KEY + ":PARTNER:" + PARTNER_A + ","
                + "audit-a:" + AUDITOR_A_KEY + ":AUDITOR:" + PARTNER_A + ","
                + "partner-b:" + FOREIGN_PARTNER_KEY + ":PARTNER:partner-b,"
                + "audit-b:" + FOREIGN_AUDITOR_KEY + ":AUDITOR:partner-b");
        registry.add("planledger.consistency-wait", () -> "PT10S");
        // the schedulers poll often, so a test that moves the clock sees the transitions promptly
        registry.add("planledger.billing.poll-interval", () -> "PT0.2S");
        registry.add("planledger.migrations.poll-interval", () -> "PT0.2S");
        registry.add("planledger.dashboard.heartbeat", () -> "PT1S");
    }

    /** A partner of this test alone, and its plan and customer collections' paths. */
    protected String partner;
    protected String plans;
    protected String customers;

    @BeforeEach
    void clientAndPartner() {
        admin = Api.at(port, ADMIN_KEY);
        partner = freshPartner();
        plans = "/v1/partners/" + partner + "/plans";
        customers = "/v1/partners/" + partner + "/customers";
    }

    protected Api as(String key) {
        return Api.at(port, key);
    }

    /** A partner id no other test uses. */
    protected static String freshPartner() {
        return "p-" + UUID.randomUUID().toString().substring(0, 12);
    }
}
