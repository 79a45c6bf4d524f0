package com.planledger.app;

import com.planledger.domain.Ids;
import com.planledger.domain.plan.PlanRecommendedEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events stored in an earlier revision, written into the event store as an earlier build wrote them, are read by
 * the running service through its upcasters: by the aggregate, the read models and the history.
 */
class StoredOldEventsTest extends EndToEndTest {

    @Autowired
    DataSource eventStoreDataSource;
    @Autowired
    EventStore eventStore;

    @Test
    void a_revision_1_recommendation_in_the_store_reads_through_the_upcaster_everywhere() throws Exception {
        assertThat(admin.post(plans, TestPlans.plan("gold", "gold", "499")).status()).isEqualTo(201);
        assertThat(admin.post(plans, TestPlans.plan("silver", "silver", "299")).status()).isEqualTo(201);
        String aggregate = Ids.planAggregate(partner, "gold");
        insertRevision1(aggregate, 1, "{\"planId\":\"gold\",\"partnerId\":\"" + partner + "\"}");

        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(aggregate).asStream().toList();
        assertThat(events.get(1).getPayload()).isEqualTo(new PlanRecommendedEvent("gold", partner, null, 0));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                admin.get(plans + "/gold").body().at("/recommended").asBoolean());

        // the plan's aggregate folds it (recommended), and a newer recommendation of silver replaces it
        Api.Response silver = admin.post(plans + "/silver/recommend?consistency=wait", null);
        assertThat(silver.status()).as(silver.toString()).isEqualTo(200);
        assertThat(admin.get(plans + "/gold").body().at("/recommended").asBoolean()).isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.get(plans + "/gold/history").body()
                .toString().contains("REPLACED"));
        assertThat(admin.get(plans + "/gold/history").status()).isEqualTo(200);
    }

    private void insertRevision1(String aggregate, long sequence, String json) throws Exception {
        try (Connection connection = eventStoreDataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO DomainEventEntry "
                     + "(eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType, "
                     + "payloadRevision, payload, metaData) VALUES (?, ?, ?, 'Plan', ?, ?, '1', ?, ?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, aggregate);
            insert.setLong(3, sequence);
            insert.setString(4, Instant.now().toString());
            insert.setString(5, PlanRecommendedEvent.class.getName());
            insert.setBytes(6, json.getBytes(StandardCharsets.UTF_8));
            insert.setBytes(7, "{}".getBytes(StandardCharsets.UTF_8));
            insert.executeUpdate();
            connection.commit();
        }
    }
}
