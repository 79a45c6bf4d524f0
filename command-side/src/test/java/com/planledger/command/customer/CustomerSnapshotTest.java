package com.planledger.command.customer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.planledger.command.TestTerms;
import com.planledger.domain.customer.AddOnAttachedEvent;
import com.planledger.domain.customer.BlockReason;
import com.planledger.domain.customer.CustomerBlockedEvent;
import com.planledger.domain.customer.CustomerPastDueEvent;
import com.planledger.domain.customer.CustomerUnblockedEvent;
import com.planledger.domain.customer.CustomerUserAddedEvent;
import com.planledger.domain.customer.CustomerUserRoleChangedEvent;
import com.planledger.domain.customer.EmailAddress;
import com.planledger.domain.customer.PaymentRecordedEvent;
import com.planledger.domain.customer.SubscriptionMigrationScheduledEvent;
import com.planledger.domain.customer.SubscriptionRenewedEvent;
import com.planledger.domain.customer.SubscriptionTerms;
import com.planledger.domain.customer.UsageLimitReachedEvent;
import com.planledger.domain.customer.UsageMetric;
import com.planledger.domain.customer.UsageRecordedEvent;
import com.planledger.domain.customer.UserRole;
import com.planledger.domain.json.DomainJson;
import com.planledger.domain.plan.BillingCycle;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer with a long history loads from a snapshot plus the events after it. The snapshot is the aggregate
 * written by Axon's Jackson serializer (as the snapshotter stores it) and read back; state from snapshot plus
 * tail must equal state from all events, wherever the snapshot was taken.
 */
class CustomerSnapshotTest {

    private static final ObjectMapper MAPPER = DomainJson.newMapper();
    private static final JacksonSerializer SERIALIZER = JacksonSerializer.builder().objectMapper(MAPPER).build();
    private static final AggregateModel<Customer> MODEL =
            AnnotatedAggregateMetaModelFactory.inspectAggregate(Customer.class);

    @Test
    void state_from_snapshot_plus_tail_equals_state_from_all_events() {
        List<DomainEventMessage<?>> history = longHistory();
        assertThat(history).hasSizeGreaterThan(150);
        JsonNode full = state(fold(new Customer(), history));
        assertThat(full.at("/users").size()).isEqualTo(4);
        assertThat(full.at("/blocks").has("MANUAL")).isTrue();

        for (int split = 1; split < history.size(); split += 7) {
            Customer atSnapshot = fold(new Customer(), history.subList(0, split));
            SerializedObject<byte[]> snapshot = SERIALIZER.serialize(atSnapshot, byte[].class);
            assertThat(snapshot.getType().getRevision()).isEqualTo("1");
            Customer restored = SERIALIZER.deserialize(snapshot);
            Customer fromSnapshot = fold(restored, history.subList(split, history.size()));
            assertThat(state(fromSnapshot)).as("snapshot after " + split + " events").isEqualTo(full);
        }
    }

    /**
     * A snapshot stored by an earlier build (revision 1, taken after 120 events) still loads. When the aggregate's
     * fields change shape, raise its {@code @Revision} and keep this fixture: the filter then skips it instead.
     */
    @Test
    void a_stored_revision_1_snapshot_still_loads() throws Exception {
        List<DomainEventMessage<?>> history = longHistory();
        byte[] stored;
        try (var in = getClass().getResourceAsStream("/snapshots/customer-revision-1.json")) {
            stored = in.readAllBytes();
        }
        Customer restored = SERIALIZER.deserialize(
                new SimpleSerializedObject<>(stored, byte[].class, Customer.class.getName(), "1"));
        Customer fromSnapshot = fold(restored, history.subList(120, history.size()));
        assertThat(state(fromSnapshot)).isEqualTo(state(fold(new Customer(), history)));
    }

    /**
     * The snapshot filter the command side configures skips a snapshot of another revision than the aggregate's
     * (such a customer loads from its events) and keeps one of the current revision. Checked on entries shaped as
     * the event store keeps them: the aggregate type is the class's simple name.
     */
    @Test
    void the_snapshot_filter_skips_snapshots_of_another_revision() throws Exception {
        byte[] stored;
        try (var in = getClass().getResourceAsStream("/snapshots/customer-revision-1.json")) {
            stored = in.readAllBytes();
        }
        var filter = com.planledger.command.config.CommandSideConfiguration.revisionFilter(Customer.class);
        assertThat(filter.allow(snapshotEntry(stored, "1"))).isTrue();
        assertThat(filter.allow(snapshotEntry(stored, "0"))).isFalse();
    }

    private static org.axonframework.eventhandling.DomainEventData<byte[]> snapshotEntry(byte[] json,
                                                                                        String revision) {
        return new org.axonframework.eventhandling.GenericDomainEventEntry<>("Customer", "partner-1:acme", 119,
                "snapshot-1", java.time.Instant.EPOCH, Customer.class.getName(), revision, json, "{}".getBytes());
    }

    private static Customer fold(Customer root, List<DomainEventMessage<?>> events) {
        EventSourcedAggregate<Customer> aggregate = EventSourcedAggregate.initialize(root, MODEL, null,
                NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(DomainEventStream.of(events));
        return aggregate.getAggregateRoot();
    }

    private static JsonNode state(Customer customer) {
        return MAPPER.valueToTree(customer);
    }

    /** Two years of a busy customer: usage every few days, renewals, a lapse, blocks, users, add-ons. */
    private static List<DomainEventMessage<?>> longHistory() {
        String c = CustomerTest.C;
        String p = CustomerTest.P;
        List<Object> events = new ArrayList<>();
        events.add(CustomerTest.REGISTERED);
        events.add(CustomerTest.ASSIGNED);
        SubscriptionTerms terms = CustomerTest.GOLD_MONTHLY;
        BigDecimal due = terms.amountDue();
        Instant start = CustomerTest.T0;
        for (int i = 1; i <= 4; i++) {
            events.add(new CustomerUserAddedEvent(c, p, "u" + i, EmailAddress.of("u" + i + "@acme.example"),
                    UserRole.MEMBER));
        }
        events.add(new CustomerUserRoleChangedEvent(c, p, "u1", UserRole.MEMBER, UserRole.OWNER));
        events.add(new AddOnAttachedEvent(c, p, "EXTRA_MSGS", 2));
        for (int month = 0; month < 24; month++) {
            Instant end = BillingCycle.MONTHLY.periodEnd(start);
            long used = 0;
            for (int day = 0; day < 4; day++) {
                used += 3_000 + month;
                events.add(new UsageRecordedEvent(c, p, UsageMetric.MESSAGES, 3_000 + month,
                        "m" + month + "-" + day, start, used));
            }
            if (used >= 20_000) {
                events.add(new UsageLimitReachedEvent(c, p, UsageMetric.MESSAGES, 20_000, used, start));
            }
            if (month == 10) {
                events.add(new CustomerPastDueEvent(c, p, end, end.plus(Duration.ofDays(7))));
                events.add(new CustomerBlockedEvent(c, p, BlockReason.PAYMENT_OVERDUE, null,
                        end.plus(Duration.ofDays(7))));
                events.add(new PaymentRecordedEvent(c, p, due, "INR", "pay-" + month, end.plus(Duration.ofDays(9)),
                        0));
                Instant restart = end.plus(Duration.ofDays(9));
                events.add(new SubscriptionRenewedEvent(c, p, restart, BillingCycle.MONTHLY.periodEnd(restart), 0));
                events.add(new CustomerUnblockedEvent(c, p, BlockReason.PAYMENT_OVERDUE, restart));
                start = restart;
                continue;
            }
            events.add(new PaymentRecordedEvent(c, p, due, "INR", "pay-" + month, end.minus(Duration.ofDays(2)), 1));
            events.add(new SubscriptionRenewedEvent(c, p, end, BillingCycle.MONTHLY.periodEnd(end), 0));
            start = end;
        }
        events.add(new CustomerBlockedEvent(c, p, BlockReason.MANUAL, "chargeback under review", start));
        events.add(new SubscriptionMigrationScheduledEvent(c, p, "job-9", 1, SubscriptionTerms.of("gold",
                CustomerTest.GOLD, 2, TestTerms.withMonthly(CustomerTest.GOLD_TERMS, "549"), BillingCycle.MONTHLY)));

        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (int seq = 0; seq < events.size(); seq++) {
            messages.add(new GenericDomainEventMessage<>("Customer", "partner-1:acme", seq, events.get(seq)));
        }
        return messages;
    }
}
