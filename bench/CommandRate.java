import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Drives billing commands at a running PlanLedger over HTTP on 127.0.0.1 and prints one line per figure:
 * {@code health} (the baseline: a trivial endpoint, no store behind it), {@code assignment} (registration with a
 * plan: the customer, its first invoice, its invoice number), {@code change} (a prorated plan change: one more
 * invoice) and, when the test clock is on, {@code renewal} (a month of the clock: every customer renewed and
 * invoiced, read models caught up). Every figure is printed with its ratio to the health rate of the same run.
 *
 * <p>Usage: {@code java bench/CommandRate.java <base-url> <admin-key> [customers] [connections]}
 */
public class CommandRate {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static String base;
    private static String key;

    public static void main(String[] args) throws Exception {
        base = args[0];
        key = args[1];
        int customers = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        int connections = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        String partner = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        String plans = "/v1/partners/" + partner + "/plans";
        String people = "/v1/partners/" + partner + "/customers";
        for (String[] plan : new String[][]{{"gold", "499"}, {"platinum", "999"}}) {
            expect(201, send("POST", plans, """
                    {"planId":"%s","type":"USAGE_BASED","name":"%s","displayName":"%s","currency":"INR",
                     "prices":{"MONTHLY":"%s","YEARLY":"4990"},"tax":{"enabled":true},
                     "limits":{"messages":10000,"whatsappConversations":1000,"teamMembers":5,"workspaces":2,
                               "teamUsersPerWorkspace":5,"contacts":"UNLIMITED"},"trialDays":0,"gracePeriodDays":7}
                    """.formatted(plan[0], plan[0], plan[0], plan[1])));
        }
        // warm-up: the JIT and the connection pools
        run(500, connections, i -> send("GET", "/actuator/health", null));
        run(200, connections, i -> send("POST", people, register("warm-" + i)));

        Figure health = run(customers * 4, connections, i -> send("GET", "/actuator/health", null));
        print("health", health, health);
        Figure assignment = run(customers, connections, i -> send("POST", people, register("c" + i)));
        print("assignment", assignment, health);
        Figure change = run(customers, connections, i -> send("POST", people + "/c" + i + "/plan",
                "{\"planId\":\"platinum\",\"billingCycle\":\"MONTHLY\"}"));
        print("change", change, health);
        Response clock = send("GET", "/v1/admin/clock", null);
        if (clock.status == 200) {
            long started = System.nanoTime();
            expect(200, send("POST", "/v1/admin/clock/advance", "{\"by\":\"P32D\"}", Duration.ofMinutes(30)));
            double seconds = (System.nanoTime() - started) / 1e9;
            int renewed = customers + 200;
            System.out.printf(Locale.ROOT, "renewal     %8.0f renewals/s  (%d customers in %.1f s, read models"
                    + " caught up)  ratio to health %.3f%n", renewed / seconds, renewed, seconds,
                    renewed / seconds / health.rate());
        } else {
            System.out.println("renewal     (no test clock: start the service with"
                    + " PLANLEDGER_TEST_CLOCK_ENABLED=true)");
        }
    }

    private static String register(String id) {
        return "{\"customerId\":\"%s\",\"companyName\":\"%s\",\"email\":\"%s@example.com\",\"planId\":\"gold\","
                .formatted(id, id, id) + "\"billingCycle\":\"MONTHLY\"}";
    }

    record Figure(int requests, double seconds, long p50Micros, long p99Micros, int failures) {
        double rate() {
            return requests / seconds;
        }
    }

    record Response(int status, String body) {
    }

    private static void print(String name, Figure figure, Figure health) {
        System.out.printf(Locale.ROOT, "%-11s %8.0f req/s  p50 %6.1f ms  p99 %6.1f ms  failures %d  ratio to health"
                        + " %.3f%n", name, figure.rate(), figure.p50Micros() / 1000.0, figure.p99Micros() / 1000.0,
                figure.failures(), figure.rate() / health.rate());
    }

    private static Figure run(int requests, int connections, IntFunction<Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        long started = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    long t = System.nanoTime();
                    Response response = request.apply(i);
                    latencies.add((System.nanoTime() - t) / 1000);
                    if (response.status >= 300) {
                        if (failures.incrementAndGet() <= 3) {
                            System.err.println(response.status + " " + response.body);
                        }
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Figure(requests, seconds, sorted.get(sorted.size() / 2), sorted.get(sorted.size() * 99 / 100),
                failures.get());
    }

    private static Response send(String method, String path, String body) {
        return send(method, path, body, Duration.ofSeconds(60));
    }

    private static Response send(String method, String path, String body, Duration timeout) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(timeout).header("Authorization", "Bearer " + key);
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body));
            }
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (Exception e) {
            return new Response(599, e.toString());
        }
    }

    private static void expect(int status, Response response) {
        if (response.status != status) {
            throw new IllegalStateException("expected " + status + ", got " + response.status + " " + response.body);
        }
    }
}
