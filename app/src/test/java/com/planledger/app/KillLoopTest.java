package com.planledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static com.planledger.app.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Crash consistency of the embedded default, from outside: rounds of a concurrent burst (registrations, payments,
 * plan changes, plan revisions, and commands that must be refused), SIGKILL of the service mid-burst, restart on
 * the same data directory. After each round:
 * <ul>
 *   <li>every acknowledged command has its events (the aggregate's history reaches the version it answered);</li>
 *   <li>no refused command has any (a stale {@code If-Match} block left no block, a repeated registration no
 *   second registration);</li>
 *   <li>every acknowledged customer reads back, nothing is parked as a dead letter;</li>
 *   <li>SIGTERM stops the service within 20 s;</li>
 *   <li>the read store equals the one a fresh replay of the same events builds, collection by collection.</li>
 * </ul>
 * The test command runs {@value #DEFAULT_ROUNDS} rounds; {@code -Dplanledger.kill-loop.rounds=N} runs more (see
 * docs/reliability.md).
 */
class KillLoopTest {

    static final int DEFAULT_ROUNDS = 2;
    private static final String KEY = EndToEndTest.ADMIN_KEY;
    private static final int WORKERS = 16;
    private static final Duration START = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    private final List<ServiceProcess> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.stream().filter(s -> s.process().isAlive()).forEach(ServiceProcess::kill);
    }

    private ServiceProcess start(Path data) {
        ServiceProcess service = ServiceProcess.embedded(data, KEY);
        started.add(service);
        return service.awaitReady(START);
    }

    /** A command the service answered, and the aggregate version it answered with. */
    record Acknowledged(String aggregate, long version) {
    }

    /** A command the service refused, and the event type it must not have left in the aggregate's history. */
    record Refused(String aggregate, String eventType, long allowed) {
    }

    @Test
    void acknowledged_commands_survive_kill_9_and_the_read_store_equals_a_fresh_replay() throws Exception {
        int rounds = Integer.getInteger("planledger.kill-loop.rounds", DEFAULT_ROUNDS);
        int killAfter = Integer.getInteger("planledger.kill-loop.kill-after", 40);
        Path data = dir.resolve("data");
        List<String> report = new ArrayList<>();
        ServiceProcess service = start(data);
        for (int round = 1; round <= rounds; round++) {
            Api admin = Api.at(service.port(), KEY);
            String partner = "kill-" + round;
            Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
            Queue<Refused> refused = new ConcurrentLinkedQueue<>();
            Queue<String> customers = new ConcurrentLinkedQueue<>();
            String plans = "/v1/partners/" + partner + "/plans";
            for (String plan : List.of("gold", "silver")) {
                Map<String, Object> body = TestPlans.plan(plan, plan, plan.equals("gold") ? "499" : "299");
                body.put("trialDays", 0);
                Api.Response created = admin.post(plans, body);
                assertThat(created.status()).as(created.toString()).isEqualTo(201);
            }

            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(WORKERS + 1);
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                int worker = w;
                Api client = admin;
                work.add(pool.submit(() -> customerWork(client, partner, worker, stop, acknowledged, refused,
                        customers)));
            }
            Api client = admin;
            work.add(pool.submit(() -> planWork(client, partner, stop, acknowledged)));
            // SIGKILL mid-burst, once the service has acknowledged this many commands of the round
            await().atMost(START).until(() -> acknowledged.size() >= killAfter);
            service.kill();
            stop.set(true);
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            for (Future<?> done : work) {
                done.get(); // a worker's failed assertion fails the test
            }

            service = start(data);
            admin = Api.at(service.port(), KEY);
            service.awaitCaughtUp(admin, START);
            checkEvents(admin, partner, acknowledged, refused);
            checkReads(admin, partner, customers);
            Duration stopped = service.stop(Duration.ofSeconds(20));

            ReadStoreContents survived = ReadStoreContents.of(data);
            ReadStoreContents replayed = freshReplay(data, dir.resolve("replay-" + round));
            assertThat(survived.differencesFrom(replayed)).as("round " + round + ": the read store after kill -9 "
                    + "against a fresh replay of the same events").isEmpty();
            replayed.invoiceSequences().forEach((partnerId, last) -> assertThat(survived.invoiceSequences()
                    .getOrDefault(partnerId, 0L)).as("no invoice number of " + partnerId + " can be issued twice")
                    .isGreaterThanOrEqualTo(last));
            report.add("round " + round + ": " + acknowledged.size() + " acknowledged, " + refused.size()
                    + " refused, " + customers.size() + " customers acknowledged, read store " + survived.documents()
                    + " documents equal to a fresh replay, SIGTERM stop " + stopped.toMillis() + " ms");
            if (round < rounds) {
                service = start(data);
            }
        }
        report.forEach(System.out::println);
    }

    private static void customerWork(Api admin, String partner, int worker, AtomicBoolean stop,
                                     Queue<Acknowledged> acknowledged, Queue<Refused> refused,
                                     Queue<String> customers) {
        String base = "/v1/partners/" + partner + "/customers";
        for (int i = 0; !stop.get(); i++) {
            String id = "w" + worker + "-" + i;
            String customer = base + "/" + id;
            Map<String, Object> registration = json("customerId", id, "companyName", "Company " + id,
                    "email", id + "@" + partner + ".example", "planId", i % 2 == 0 ? "gold" : "silver",
                    "billingCycle", "MONTHLY");
            try {
                Api.Response registered = admin.post(base, registration);
                if (registered.status() != 201) {
                    return;
                }
                acknowledged.add(new Acknowledged(customer, registered.body().at("/version").asLong()));
                customers.add(customer);
                refusedWith(412, admin.with("If-Match", "\"0\"").post(customer + "/block", json("note", "x")),
                        new Refused(customer, "CustomerBlockedEvent", 0), refused);
                refusedWith(409, admin.post(base, registration),
                        new Refused(customer, "CustomerRegisteredEvent", 1), refused);
                answered(admin.post(customer + "/payments",
                        json("amount", "120.00", "currency", "INR", "reference", id + "-pay")), customer, acknowledged);
                answered(admin.post(customer + "/plan",
                        json("planId", i % 2 == 0 ? "silver" : "gold", "billingCycle", "MONTHLY")), customer,
                        acknowledged);
            } catch (UncheckedIOException killed) {
                return; // the service died under this request: its outcome is unknown, and either is fine
            }
        }
    }

    private static void refusedWith(int status, Api.Response response, Refused refusal, Queue<Refused> refused) {
        if (response.status() != status) {
            throw new AssertionError(refusal + " answered " + response + " instead of " + status);
        }
        refused.add(refusal);
    }

    private static void answered(Api.Response response, String aggregate, Queue<Acknowledged> acknowledged) {
        if (response.status() / 100 != 2) {
            throw new AssertionError(aggregate + ": " + response);
        }
        acknowledged.add(new Acknowledged(aggregate, response.body().at("/version").asLong()));
    }

    private static void planWork(Api admin, String partner, AtomicBoolean stop, Queue<Acknowledged> acknowledged) {
        String gold = "/v1/partners/" + partner + "/plans/gold";
        for (int i = 0; !stop.get(); i++) {
            Map<String, Object> revision = TestPlans.revision("gold", String.valueOf(500 + i), 5 + i % 3);
            revision.put("trialDays", 0);
            try {
                Api.Response revised = admin.put(gold, revision);
                if (revised.status() != 200) {
                    return;
                }
                acknowledged.add(new Acknowledged(gold, revised.body().at("/version").asLong()));
            } catch (UncheckedIOException killed) {
                return;
            }
        }
    }

    private static void checkEvents(Api admin, String partner, Queue<Acknowledged> acknowledged,
                                    Queue<Refused> refused) {
        for (Acknowledged ack : acknowledged) {
            JsonNode history = admin.get(ack.aggregate() + "/history?size=500").body();
            assertThat(history.at("/total").asLong()).as(ack + " kept its events").isGreaterThan(ack.version());
        }
        for (Refused refusal : refused) {
            JsonNode history = admin.get(refusal.aggregate() + "/history?size=500").body();
            long found = 0;
            for (JsonNode event : history.at("/items")) {
                if (refusal.eventType().equals(event.at("/type").asText())) {
                    found++;
                }
            }
            assertThat(found).as(refusal + " left nothing in " + partner).isEqualTo(refusal.allowed());
        }
    }

    private static void checkReads(Api admin, String partner, Queue<String> customers) {
        for (String customer : customers) {
            Api.Response read = admin.get(customer);
            assertThat(read.status()).as(customer + " reads back after the crash: " + read).isEqualTo(200);
        }
        for (JsonNode projection : admin.get("/v1/admin/projections").body()) {
            assertThat(projection.at("/deadLetters/events").asLong())
                    .as(projection.at("/name").asText() + " parked nothing").isZero();
        }
        long listed = admin.get("/v1/partners/" + partner + "/customers?size=1").body().at("/total").asLong();
        assertThat(listed).as("customers listed for " + partner).isGreaterThanOrEqualTo(customers.size());
    }

    /** The read store a fresh start builds from a copy of the event store alone. */
    private ReadStoreContents freshReplay(Path data, Path copy) throws IOException {
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
                Path relative = data.relativize(file);
                if (relative.startsWith("readstore")) {
                    continue;
                }
                Path target = copy.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        ServiceProcess fresh = start(copy);
        fresh.awaitCaughtUp(Api.at(fresh.port(), KEY), START);
        fresh.stop(Duration.ofSeconds(20));
        return ReadStoreContents.of(copy);
    }
}
