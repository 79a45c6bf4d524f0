package com.planledger.query.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.planledger.domain.Ids;
import com.planledger.domain.audit.AuditMetadata;
import com.planledger.domain.json.DomainJson;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Writes one partner's events, in the order they were stored, as NDJSON (one JSON object per line), straight from
 * the event store to the response: nothing is collected in memory. It reads from the first event stored at or
 * after {@code from} up to the events stored when the export began; only events of the partner's aggregates are
 * written (told apart by their partner-scoped aggregate id, without reading other partners' payloads).
 */
@Component
public class PartnerEventExport {

    /** Events are ordered by when they were stored; timestamps taken a moment earlier may be out of order by this. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(10);

    private final EventStore eventStore;
    private final ObjectMapper mapper = DomainJson.newMapper();

    public PartnerEventExport(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /**
     * @param types event type names (simple class names) to keep; empty: all
     * @return how many events were written
     */
    public long write(String partnerId, Instant from, Instant to, Set<String> types, OutputStream out)
            throws IOException {
        TrackingToken head = eventStore.createHeadToken();
        if (head == null || head.position().isEmpty()) {
            return 0;
        }
        long last = head.position().getAsLong();
        TrackingToken start = from == null ? null : eventStore.createTokenAt(from);
        String prefix = Ids.scopeOf(partnerId);
        long written = 0;
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(start);
             JsonGenerator json = mapper.getFactory().createGenerator(out)) {
            json.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
            while (stream.hasNextAvailable(10, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                long position = event.trackingToken().position().orElse(last);
                if (event instanceof DomainEventMessage<?> domain
                        && domain.getAggregateIdentifier().startsWith(prefix)
                        && (to == null || !event.getTimestamp().isAfter(to))
                        && (from == null || !event.getTimestamp().isBefore(from))
                        && (types.isEmpty() || types.contains(event.getPayloadType().getSimpleName()))) {
                    writeLine(json, domain, position);
                    written++;
                    if (written % 100 == 0) {
                        json.flush();
                    }
                }
                if (position >= last || to != null && event.getTimestamp().isAfter(to.plus(CLOCK_SKEW))) {
                    break;
                }
            }
            if (written > 0) {
                json.writeRaw('\n');
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("export interrupted", e);
        }
        return written;
    }

    private void writeLine(JsonGenerator json, DomainEventMessage<?> event, long position) throws IOException {
        json.writeStartObject();
        json.writeNumberField("position", position);
        json.writeStringField("eventId", event.getIdentifier());
        json.writeStringField("aggregateType", event.getType());
        json.writeStringField("id", Ids.localOf(event.getAggregateIdentifier()));
        json.writeNumberField("sequence", event.getSequenceNumber());
        json.writeStringField("type", event.getPayloadType().getSimpleName());
        json.writeStringField("at", event.getTimestamp().toString());
        writeMeta(json, "actor", event.getMetaData().get(AuditMetadata.ACTOR));
        writeMeta(json, "requestId", event.getMetaData().get(AuditMetadata.REQUEST_ID));
        writeMeta(json, "correlationId", event.getMetaData().get(AuditMetadata.CORRELATION_ID));
        json.writeFieldName("payload");
        mapper.writeValue(json, event.getPayload());
        json.writeEndObject();
    }

    private static void writeMeta(JsonGenerator json, String field, Object value) throws IOException {
        if (value == null) {
            json.writeNullField(field);
        } else {
            json.writeStringField(field, value.toString());
        }
    }
}
