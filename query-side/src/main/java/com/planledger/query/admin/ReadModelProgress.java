package com.planledger.query.admin;

import com.planledger.domain.query.AwaitReadModelsQuery;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * How far the read models are behind the event store. Answers {@link AwaitReadModelsQuery}: waits until every
 * read model's processor has handled everything that was stored when the query arrived.
 */
@Component
public class ReadModelProgress {

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;

    public ReadModelProgress(EventStore eventStore, EventProcessingConfiguration processing) {
        this.eventStore = eventStore;
        this.processing = processing;
    }

    @QueryHandler
    public Boolean await(AwaitReadModelsQuery query) {
        TrackingToken head = eventStore.createHeadToken();
        long deadline = System.nanoTime() + query.timeoutMillis() * 1_000_000L;
        while (true) {
            if (ReadModels.GROUPS.stream().allMatch(group -> caughtUp(group, head))) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(5_000_000L);
        }
    }

    /** Whether the processor of {@code group} has handled every event up to {@code head}. */
    public boolean caughtUp(String group, TrackingToken head) {
        Optional<StreamingEventProcessor> processor =
                processing.eventProcessor(group, StreamingEventProcessor.class);
        if (processor.isEmpty()) {
            return true;
        }
        Map<Integer, EventTrackerStatus> status = processor.get().processingStatus();
        if (status.isEmpty()) {
            return head == null || head.position().orElse(0) == 0;
        }
        return status.values().stream().allMatch(s -> s.getTrackingToken() != null
                && (head == null || s.getTrackingToken().covers(head)));
    }
}
