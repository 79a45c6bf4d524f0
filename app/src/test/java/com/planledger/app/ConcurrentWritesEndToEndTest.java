package com.planledger.app;

import com.planledger.domain.Ids;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import static com.planledger.app.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fifty writes at once to one plan and to one customer: every answer is definite (2xx, or 409/412 for a lost
 * race), the aggregate's sequence numbers are gapless, and every write answered 2xx is in the event store.
 */
class ConcurrentWritesEndToEndTest extends EndToEndTest {

    @Autowired
    EventStore eventStore;

    @Test
    void fifty_concurrent_revisions_of_one_plan_give_definite_answers_and_a_gapless_stream() throws Exception {
        assertThat(admin.post(plans, TestPlans.plan("gold", "gold", "499")).status()).isEqualTo(201);
        Callable<Integer>[] writes = racers(50, i -> admin.put(plans + "/gold",
                TestPlans.revision("gold", String.valueOf(500 + i), 5)).status());
        List<Integer> answers = AtOnce.run(writes);
        assertThat(answers).allMatch(s -> s == 200 || s == 409 || s == 412);
        long accepted = answers.stream().filter(s -> s == 200).count();
        assertThat(accepted).isPositive();
        assertGapless(Ids.planAggregate(partner, "gold"), 1 + accepted);
    }

    @Test
    void fifty_concurrent_writes_to_one_customer_give_definite_answers_and_a_gapless_stream() throws Exception {
        var gold = TestPlans.plan("gold", "gold", "499");
        gold.put("limits", TestPlans.limits("UNLIMITED"));
        assertThat(admin.post(plans, gold).status()).isEqualTo(201);
        assertThat(admin.post(customers, json("customerId", "acme", "companyName", "Acme",
                "email", "acme@example.com", "planId", "gold", "billingCycle", "MONTHLY")).status()).isEqualTo(201);
        String c = customers + "/acme";
        Callable<Integer>[] writes = racers(50, i -> switch (i % 3) {
            case 0 -> admin.post(c + "/usage", json("metric", "messages", "quantity", 1, "usageId", "u" + i)).status();
            case 1 -> admin.post(c + "/users", json("userId", "user" + i, "email", "user" + i + "@acme.example",
                    "role", "MEMBER")).status();
            default -> admin.put(c, json("companyName", "Acme " + i, "email", "acme@example.com")).status();
        });
        List<Integer> answers = AtOnce.run(writes);
        assertThat(answers).allMatch(s -> s == 200 || s == 201 || s == 409 || s == 412);
        // registration with a plan is two events; every accepted write here records one
        long accepted = answers.stream().filter(s -> s == 200 || s == 201).count();
        assertGapless(Ids.customerAggregate(partner, "acme"), 2 + accepted);
    }

    @Test
    void fifty_concurrent_first_invoices_and_refused_registrations_racing_them_skip_no_number()
            throws Exception {
        var gold = TestPlans.plan("gold", "gold", "499");
        gold.put("trialDays", 0);
        assertThat(admin.post(plans, gold).status()).isEqualTo(201);
        // 50 new customers, each invoiced at registration, and 10 registrations of ids that one of them takes:
        // those are refused (409), and a number they claimed is given back
        Callable<Integer>[] registrations = racers(60, i -> {
            String id = "c" + (i < 50 ? i : i - 50);
            return admin.post(customers, json("customerId", id, "companyName", "Customer " + i, "email",
                    "c" + i + "@example.com", "planId", "gold", "billingCycle", "MONTHLY")).status();
        });
        List<Integer> answers = AtOnce.run(registrations);
        assertThat(answers).allMatch(s -> s == 201 || s == 409);
        assertThat(answers.stream().filter(s -> s == 201).count()).isEqualTo(50);
        // a number claimed by a refused registration is given back and issued next: ten more invoices, one by
        // one, take whatever the race gave back, and then the 60 invoices carry exactly the numbers 1 to 60
        for (int i = 50; i < 60; i++) {
            assertThat(admin.post(customers, json("customerId", "later" + i, "companyName", "Later " + i, "email",
                    "later" + i + "@example.com", "planId", "gold", "billingCycle", "MONTHLY")).status())
                    .isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(admin.get(invoicesOfPartner() + "?size=100").at("/total")).isEqualTo("60"));
        List<String> numbers = admin.get(invoicesOfPartner() + "?size=100").body().findValuesAsText("number");
        assertThat(numbers).containsExactlyInAnyOrderElementsOf(
                IntStream.rangeClosed(1, 60).mapToObj(n -> "INV-" + n).toList());
    }

    private String invoicesOfPartner() {
        return "/v1/partners/" + partner + "/invoices";
    }

    private void assertGapless(String aggregate, long expectedEvents) {
        List<Long> sequences = eventStore.readEvents(aggregate, 0).asStream()
                .map(DomainEventMessage::getSequenceNumber).toList();
        assertThat(sequences).hasSize((int) expectedEvents);
        for (int i = 0; i < sequences.size(); i++) {
            assertThat(sequences.get(i)).isEqualTo(i);
        }
    }

    @SuppressWarnings("unchecked")
    private static Callable<Integer>[] racers(int n, java.util.function.IntFunction<Integer> write) {
        Callable<Integer>[] racers = new Callable[n];
        for (int i = 0; i < n; i++) {
            int index = i;
            racers[i] = () -> write.apply(index);
        }
        return racers;
    }
}
