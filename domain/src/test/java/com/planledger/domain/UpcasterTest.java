package com.planledger.domain;

import com.planledger.domain.billing.Proration;
import com.planledger.domain.customer.CustomerPastDueEvent;
import com.planledger.domain.customer.CustomerPlanAssignedEvent;
import com.planledger.domain.customer.CustomerPlanChangedEvent;
import com.planledger.domain.customer.PaymentRecordedEvent;
import com.planledger.domain.customer.SubscriptionMigratedEvent;
import com.planledger.domain.customer.SubscriptionMigrationScheduledEvent;
import com.planledger.domain.customer.SubscriptionRenewedEvent;
import com.planledger.domain.customer.UsageMetric;
import com.planledger.domain.customer.UsageRecordedEvent;
import com.planledger.domain.json.DomainJson;
import com.planledger.domain.plan.PlanRecommendationWithdrawnEvent;
import com.planledger.domain.plan.PlanRecommendedEvent;
import com.planledger.domain.plan.RecommendationWithdrawalReason;
import com.planledger.domain.upcasting.EventUpcasters;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Old events stay readable: each approved sample of an earlier revision, run through Axon's upcaster chain with
 * the domain's upcasters, reads into the current record with the values the upcaster gives.
 */
class UpcasterTest {

    private static final Instant T0 = Instant.parse("2026-01-15T10:00:00Z");
    private static final JacksonSerializer SERIALIZER =
            JacksonSerializer.builder().objectMapper(DomainJson.newMapper()).build();
    private static final EventUpcasterChain CHAIN = new EventUpcasterChain(EventUpcasters.all().toArray(
            new org.axonframework.serialization.upcasting.event.EventUpcaster[0]));

    @Test
    void a_revision_1_recommendation_reads_as_replacing_nothing_in_generation_0() throws IOException {
        assertThat(read(PlanRecommendedEvent.class, "PlanRecommendedEvent.v1.json"))
                .isEqualTo(new PlanRecommendedEvent("gold", "acme", null, 0));
    }

    @Test
    void a_revision_1_withdrawal_reads_without_a_replacing_plan() throws IOException {
        assertThat(read(PlanRecommendationWithdrawnEvent.class, "PlanRecommendationWithdrawnEvent.v1.json"))
                .isEqualTo(new PlanRecommendationWithdrawnEvent("gold", "acme", RecommendationWithdrawalReason.REPLACED,
                        null));
    }

    @Test
    void a_revision_1_payment_settled_nothing_and_left_the_credit_as_it_was() throws IOException {
        assertThat(read(PaymentRecordedEvent.class, "PaymentRecordedEvent.v1.json"))
                .isEqualTo(new PaymentRecordedEvent("customer-1", "acme", new BigDecimal("588.82"), "INR",
                        "pay-2026-01", T0, List.of(), null));
    }

    @Test
    void a_revision_1_renewal_keeps_its_period_and_records_no_anchor() throws IOException {
        assertThat(read(SubscriptionRenewedEvent.class, "SubscriptionRenewedEvent.v1.json"))
                .isEqualTo(new SubscriptionRenewedEvent("customer-1", "acme", Instant.parse("2026-01-29T10:00:00Z"),
                        Instant.parse("2026-02-28T10:00:00Z"), null));
    }

    @Test
    void a_revision_1_past_due_names_the_period_end_as_the_due_instant_and_no_invoice() throws IOException {
        assertThat(read(CustomerPastDueEvent.class, "CustomerPastDueEvent.v1.json"))
                .isEqualTo(new CustomerPastDueEvent("customer-1", "acme", null, Instant.parse("2026-02-28T10:00:00Z"),
                        Instant.parse("2026-03-07T10:00:00Z")));
    }

    @Test
    void a_revision_1_usage_report_reads_its_period_start_as_the_window_start() throws IOException {
        assertThat(read(UsageRecordedEvent.class, "UsageRecordedEvent.v1.json"))
                .isEqualTo(new UsageRecordedEvent("customer-1", "acme", UsageMetric.MESSAGES, 120, "usage-42", T0,
                        null, 9_120, null));
    }

    @Test
    void revision_1_terms_read_with_no_integrations_and_no_anchor() throws IOException {
        CustomerPlanAssignedEvent assigned = (CustomerPlanAssignedEvent) read(CustomerPlanAssignedEvent.class,
                "CustomerPlanAssignedEvent.v1.json");
        assertThat(assigned.anchor()).isNull();
        assertThat(assigned.anchorInForce()).isNull(); // it started a trial
        assertThat(assigned.subscription().integrations()).isEmpty();
        CustomerPlanChangedEvent changed = (CustomerPlanChangedEvent) read(CustomerPlanChangedEvent.class,
                "CustomerPlanChangedEvent.v1.json");
        assertThat(changed.proration()).isEqualTo(Proration.NONE);
        assertThat(changed.periodStart()).isNull();
        assertThat(changed.subscription().integrations()).isEmpty();
        assertThat(((SubscriptionMigratedEvent) read(SubscriptionMigratedEvent.class,
                "SubscriptionMigratedEvent.v1.json")).subscription().integrations()).isEmpty();
        assertThat(((SubscriptionMigrationScheduledEvent) read(SubscriptionMigrationScheduledEvent.class,
                "SubscriptionMigrationScheduledEvent.v1.json")).subscription().planRevision()).isEqualTo(2);
    }

    @Test
    void a_current_revision_passes_unchanged() throws IOException {
        assertThat(read(PlanRecommendedEvent.class, "PlanRecommendedEvent.v2.json", "2"))
                .isEqualTo(new PlanRecommendedEvent("gold", "acme", "silver", 3));
    }

    private static Object read(Class<?> type, String sample) throws IOException {
        return read(type, sample, "1");
    }

    private static Object read(Class<?> type, String sample, String revision) throws IOException {
        byte[] json;
        try (InputStream in = UpcasterTest.class.getResourceAsStream("/events/" + sample)) {
            json = in.readAllBytes();
        }
        var entry = new GenericDomainEventEntry<>("Plan", "acme:gold", 0, "event-1", java.time.Instant.EPOCH,
                type.getName(), revision, json, "{}".getBytes());
        List<IntermediateEventRepresentation> upcast = CHAIN.upcast(
                Stream.of(new InitialEventRepresentation(entry, SERIALIZER))).toList();
        assertThat(upcast).hasSize(1);
        IntermediateEventRepresentation result = upcast.get(0);
        assertThat(result.getType().getRevision()).isEqualTo(type.getAnnotation(
                org.axonframework.serialization.Revision.class).value());
        return SERIALIZER.deserialize(result.getData());
    }
}
