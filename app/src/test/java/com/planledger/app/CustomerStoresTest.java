package com.planledger.app;

import com.planledger.command.web.AggregateKind;
import com.planledger.command.web.CommandDispatcher;
import com.planledger.domain.Ids;
import com.planledger.domain.customer.CompanyName;
import com.planledger.domain.customer.EmailAddress;
import com.planledger.domain.customer.RecordUsageCommand;
import com.planledger.domain.customer.RegisterCustomerCommand;
import com.planledger.domain.customer.UsageLimitReachedEvent;
import com.planledger.domain.customer.UsageMetric;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.util.List;

import static com.planledger.app.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Customers in the embedded stores: one e-mail per partner under concurrency, and snapshots of long histories. */
class CustomerStoresTest extends EndToEndTest {

    @Autowired
    CommandDispatcher commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    DataSource eventStoreDataSource;

    @Test
    void two_concurrent_registrations_with_one_email_give_exactly_one_customer() throws Exception {
        for (int round = 0; round < 15; round++) {
            String partner = freshPartner();
            List<String> results = AtOnce.run(AtOnce.command(() -> register(partner, "c1")),
                    AtOnce.command(() -> register(partner, "c2")));
            assertThat(results).containsExactlyInAnyOrder(AtOnce.OK, "CUSTOMER_EMAIL_TAKEN");
            long stored = List.of("c1", "c2").stream()
                    .filter(id -> eventStore.lastSequenceNumberFor(Ids.customerAggregate(partner, id)).isPresent())
                    .count();
            assertThat(stored).as("events stored for round " + round).isEqualTo(1);
        }
    }

    private void register(String partner, String id) {
        commands.send(new RegisterCustomerCommand(partner, id, CompanyName.of("Co " + id),
                EmailAddress.of("Same@Example.com"), null, null), AggregateKind.CUSTOMER);
    }

    @Test
    void a_changed_email_frees_the_old_one() {
        String customers = "/v1/partners/" + freshPartner() + "/customers";
        assertThat(admin.post(customers, json("customerId", "a", "companyName", "A", "email", "a@x.example"))
                .status()).isEqualTo(201);
        assertThat(admin.put(customers + "/a", json("companyName", "A", "email", "a2@x.example")).status())
                .isEqualTo(200);
        assertThat(admin.post(customers, json("customerId", "b", "companyName", "B", "email", "a@x.example"))
                .status()).isEqualTo(201);
        assertThat(admin.post(customers, json("customerId", "c", "companyName", "C", "email", "A2@x.example"))
                .at("/code")).isEqualTo("CUSTOMER_EMAIL_TAKEN");
    }

    @Test
    void a_long_history_is_snapshotted_and_the_customer_loads_from_the_snapshot_plus_tail() throws Exception {
        String partner = freshPartner();
        admin.post("/v1/partners/" + partner + "/plans", TestPlans.plan("gold", "gold", "499"));
        commands.send(new RegisterCustomerCommand(partner, "busy", CompanyName.of("Busy"),
                EmailAddress.of("busy@example.com"), "gold", com.planledger.domain.plan.BillingCycle.MONTHLY),
                AggregateKind.CUSTOMER);
        for (int i = 0; i < 120; i++) {
            commands.send(new RecordUsageCommand(partner, "busy", UsageMetric.MESSAGES, 50, "u-" + i),
                    AggregateKind.CUSTOMER);
        }
        String aggregate = Ids.customerAggregate(partner, "busy");
        assertThat(EventStoreRows.snapshotSequence(eventStoreDataSource, aggregate)).as("a snapshot was stored")
                .isGreaterThanOrEqualTo(49);

        // 6,000 messages used; the next 4,000 reach the 10,000 limit: the usage total survived the snapshot
        commands.send(new RecordUsageCommand(partner, "busy", UsageMetric.MESSAGES, 4_000, "u-last"),
                AggregateKind.CUSTOMER);
        DomainEventStream events = eventStore.readEvents(aggregate, 0);
        DomainEventMessage<?> last = null;
        while (events.hasNext()) {
            last = events.next();
        }
        assertThat(last.getPayload()).isEqualTo(new UsageLimitReachedEvent("busy", partner, UsageMetric.MESSAGES,
                10_000, 10_000, ((UsageLimitReachedEvent) last.getPayload()).periodStart()));
    }
}
