package com.planledger.domain;

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
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Old events stay readable: each approved sample of an earlier revision, run through Axon's upcaster chain with
 * the domain's upcasters, reads into the current record with the values the upcaster gives.
 */
class UpcasterTest {

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
