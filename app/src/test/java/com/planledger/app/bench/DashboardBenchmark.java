package com.planledger.app.bench;

import com.planledger.app.Api;
import com.planledger.app.TestPlans;
import com.planledger.app.PlanLedgerApplication;
import com.planledger.command.web.AggregateKind;
import com.planledger.command.web.CommandDispatcher;
import com.planledger.domain.customer.CompanyName;
import com.planledger.domain.customer.EmailAddress;
import com.planledger.domain.customer.RegisterCustomerCommand;
import com.planledger.domain.plan.BillingCycle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Benchmark (not part of the test command): the dashboard is precomputed and read by key, so its answer time does
 * not grow with the partner's customers. Registers {@code planledger.benchmark.customers} customers (default
 * 100,000) for one partner and 10 for another, then times the dashboard of each, and, for contrast, a list query
 * that has to scan the customers. Prints medians of several rounds and their ratios, measured in one run.
 * <p>
 * {@code ./mvnw -B -pl app -am test -Dtest=DashboardBenchmark -Dplanledger.benchmark=true
 * -Dsurefire.failIfNoSpecifiedTests=false}
 */
@EnabledIfSystemProperty(named = "planledger.benchmark", matches = "true")
class DashboardBenchmark {

    private static final String KEY = "bench-admin-key-0123456789";
    private static final int ROUNDS = 7;
    private static final int REQUESTS_PER_ROUND = 200;

    @TempDir
    Path dataDir;

    @Test
    void dashboard_answer_time_does_not_grow_with_customers() throws Exception {
        int large = Integer.getInteger("planledger.benchmark.customers", 100_000);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PlanLedgerApplication.class)
                .run("--server.port=0", "--planledger.data-dir=" + dataDir,
                        "--planledger.embedded.in-memory-read-store=true",
                        "--planledger.security.api-keys=bench:" + KEY + ":ADMIN",
                        "--logging.level.root=WARN")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            Api api = Api.at(port, KEY);
            CommandDispatcher commands = app.getBean(CommandDispatcher.class);
            for (String partner : List.of("small", "large")) {
                java.util.Map<String, Object> plan = TestPlans.plan("gold", "gold", "499");
                plan.put("trialDays", 0); // paying customers: ACTIVE, with MRR
                api.post("/v1/partners/" + partner + "/plans", plan);
            }

            long started = System.nanoTime();
            register(commands, "small", 10);
            register(commands, "large", large);
            double registerSeconds = (System.nanoTime() - started) / 1e9;
            try {
                await().atMost(Duration.ofMinutes(Integer.getInteger("planledger.benchmark.wait-minutes", 30))).pollInterval(Duration.ofSeconds(2)).until(() ->
                        api.get("/v1/partners/large/dashboard").body().at("/customers/total").asLong() == large
                                && api.get("/v1/partners/small/dashboard").body().at("/customers/total").asLong()
                                == 10);
            } finally {
                System.out.println("dashboard: " + api.get("/v1/partners/large/dashboard").body().at("/customers"));
                System.out.println("customers: " + api.get("/v1/partners/large/customers?size=1").body().at("/total"));
            }
            double caughtUpSeconds = (System.nanoTime() - started) / 1e9;

            String smallDashboard = "/v1/partners/small/dashboard";
            String largeDashboard = "/v1/partners/large/dashboard";
            String smallScan = "/v1/partners/small/customers?status=ACTIVE&size=1";
            String largeScan = "/v1/partners/large/customers?status=ACTIVE&size=1";
            for (String path : List.of(smallDashboard, largeDashboard, smallScan)) {
                median(() -> api.get(path), REQUESTS_PER_ROUND); // warm-up
            }
            List<Double> dashSmall = new ArrayList<>();
            List<Double> dashLarge = new ArrayList<>();
            List<Double> scanSmall = new ArrayList<>();
            List<Double> scanLarge = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                dashSmall.add(median(() -> api.get(smallDashboard), REQUESTS_PER_ROUND));
                dashLarge.add(median(() -> api.get(largeDashboard), REQUESTS_PER_ROUND));
                scanSmall.add(median(() -> api.get(smallScan), 20));
                scanLarge.add(median(() -> api.get(largeScan), 3));
            }
            double ds = median(dashSmall);
            double dl = median(dashLarge);
            double ss = median(scanSmall);
            double sl = median(scanLarge);
            System.out.printf("%n== Dashboard benchmark (%d rounds; medians of per-request medians) ==%n", ROUNDS);
            System.out.printf("customers registered: 10 and %,d in %.1f s (%.0f commands/s, 8 senders); "
                    + "read models caught up after %.1f s%n", large, registerSeconds,
                    (large + 10) / registerSeconds, caughtUpSeconds);
            System.out.printf("GET dashboard             10 customers: %7.2f ms   %,d customers: %7.2f ms   "
                    + "ratio %.2f%n", ds, large, dl, dl / ds);
            System.out.printf("GET customers?status=...  10 customers: %7.2f ms   %,d customers: %7.2f ms   "
                    + "ratio %.2f (a scan, for contrast)%n%n", ss, large, sl, sl / ss);
            assertThat(api.get(largeDashboard).body().at("/customers/active").asLong()).isEqualTo(large);
        }
    }

    private static void register(CommandDispatcher commands, String partner, int count) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int first = t;
                sent.add(senders.submit(() -> {
                    for (int i = first; i < count; i += 8) {
                        commands.send(new RegisterCustomerCommand(partner, "c" + i, CompanyName.of("Company " + i),
                                EmailAddress.of("c" + i + "@" + partner + ".example"), "gold", BillingCycle.MONTHLY),
                                AggregateKind.CUSTOMER);
                    }
                }));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        } finally {
            senders.shutdown();
            senders.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    /** Median milliseconds of {@code requests} calls. */
    private static double median(Supplier<Api.Response> call, int requests) {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            Api.Response response = call.get();
            times.add((System.nanoTime() - start) / 1e6);
            if (response.status() != 200) {
                throw new AssertionError(response.toString());
            }
        }
        return median(times);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
