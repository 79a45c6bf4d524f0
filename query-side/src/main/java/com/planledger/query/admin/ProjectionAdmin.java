package com.planledger.query.admin;

import com.planledger.domain.DomainException;
import com.planledger.domain.ErrorCode;
import com.planledger.query.store.ReadModelStore;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The read models' processors as an operator sees them (status, position, lag, replaying and its progress, the
 * generation served), their replay into a next generation while the live one serves ({@link GenerationRebuilds}),
 * and their parked events.
 */
@Component
public class ProjectionAdmin {

    private static final Logger log = LoggerFactory.getLogger(ProjectionAdmin.class);

    private final List<ReadModel> readModels;
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final GenerationRebuilds rebuilds;
    private final ReadModelStore store;

    public ProjectionAdmin(List<ReadModel> readModels, EventProcessingConfiguration processing,
                           EventStore eventStore, GenerationRebuilds rebuilds, ReadModelStore store) {
        this.readModels = readModels;
        this.processing = processing;
        this.eventStore = eventStore;
        this.rebuilds = rebuilds;
        this.store = store;
    }

    /** One read model's processor. */
    public record ProjectionStatus(String name, String status, boolean replaying, Long position, Long headPosition,
                                   Long lag, Integer replayProgressPercent, List<String> collections,
                                   List<SegmentStatus> segments, DeadLetters deadLetters, int generation,
                                   GenerationRebuilds.RebuildStatus rebuild) {
    }

    /** Events parked after a failure: how many sequences (aggregates) are blocked, and how many events. */
    public record DeadLetters(long sequences, long events) {
    }

    /** What a retry of parked events did. */
    public record Retry(String name, int retried, int stillFailing, DeadLetters remaining) {
    }

    /**
     * One blocked sequence: its identifier (the aggregate's event-store identifier, as the processor sequences
     * events) and its parked events, oldest first. The first failed; the others wait behind it.
     */
    public record ParkedSequence(String sequence, List<ParkedEvent> events) {
    }

    /** A parked event: which event, of which aggregate, and why it failed (for the first of a sequence). */
    public record ParkedEvent(String eventId, String type, String aggregateId, Long aggregateSequence,
                              Instant timestamp, String cause, Instant enqueuedAt, Instant lastTouched) {
    }

    /** What dropping a sequence's parked events did. */
    public record Dropped(String name, String sequence, int dropped, DeadLetters remaining) {
    }

    /** One segment of a processor, as claimed by this instance. */
    public record SegmentStatus(int segment, Long position, boolean replaying, boolean caughtUp, String error) {
    }

    /** The read models' names, in order, without asking any store. */
    public List<String> names() {
        return readModels.stream().map(ReadModel::name).sorted().toList();
    }

    public List<ProjectionStatus> all() {
        Long head = position(eventStore.createHeadToken());
        return readModels.stream().sorted(Comparator.comparing(ReadModel::name)).map(r -> status(r, head)).toList();
    }

    public ProjectionStatus one(String name) {
        return status(readModel(name), position(eventStore.createHeadToken()));
    }

    /**
     * Starts rebuilding {@code name} from the first event into its next generation, while the live one serves
     * ({@link GenerationRebuilds}); the switch happens when the rebuild has caught up.
     */
    public synchronized ProjectionStatus replay(String name) {
        ReadModel readModel = readModel(name);
        StreamingEventProcessor processor = processor(readModel);
        if (processor.isReplaying()) {
            throw new DomainException(ErrorCode.CONCURRENT_MODIFICATION, "name",
                    "the read model " + name + " is already being rebuilt");
        }
        rebuilds.start(readModel, processor);
        return one(name);
    }

    /** Stops the rebuild of {@code name} under way; the live generation goes on serving. */
    public synchronized ProjectionStatus cancelReplay(String name) {
        rebuilds.cancel(readModel(name).name());
        return one(name);
    }

    private ProjectionStatus status(ReadModel readModel, Long head) {
        StreamingEventProcessor processor = processor(readModel);
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        List<SegmentStatus> segmentStatus = new ArrayList<>();
        Long position = null;
        Integer progress = null;
        boolean error = false;
        for (EventTrackerStatus s : segments.values()) {
            Long p = s.getCurrentPosition().isPresent() ? s.getCurrentPosition().getAsLong() : null;
            if (p != null && (position == null || p < position)) {
                position = p; // the slowest segment
            }
            error |= s.isErrorState();
            segmentStatus.add(new SegmentStatus(s.getSegment().getSegmentId(), p, s.isReplaying(), s.isCaughtUp(),
                    s.isErrorState() ? String.valueOf(s.getError()) : null));
            OptionalLong reset = s.getResetPosition();
            if (s.isReplaying() && reset.isPresent() && reset.getAsLong() > 0 && p != null) {
                int percent = (int) Math.min(100, p * 100 / reset.getAsLong());
                progress = progress == null ? percent : Math.min(progress, percent);
            }
        }
        String state = error ? "ERROR" : processor.isRunning() ? "RUNNING" : "STOPPED";
        Long lag = head == null ? null : Math.max(0, head - (position == null ? 0 : position));
        boolean rebuilding = rebuilds.rebuilding(readModel.name());
        GenerationRebuilds.RebuildStatus rebuild = rebuilds.status(readModel.name());
        if (rebuilding) {
            progress = rebuild.progressPercent();
        }
        return new ProjectionStatus(readModel.name(), state, processor.isReplaying() || rebuilding, position, head,
                lag, progress, readModel.collections(), segmentStatus, deadLetters(readModel.name()),
                store.generation(readModel.name()), rebuild);
    }

    private DeadLetters deadLetters(String name) {
        return processing.deadLetterQueue(name).map(queue -> {
            long sequences = queue.amountOfSequences();
            long events = 0;
            if (sequences > 0) {
                for (var sequence : queue.deadLetters()) {
                    for (var ignored : sequence) {
                        events++;
                    }
                }
            }
            return new DeadLetters(sequences, events);
        }).orElse(new DeadLetters(0, 0));
    }

    /**
     * Retries the parked events of {@code name}, sequence by sequence, oldest first; a sequence that fails again
     * stays parked (and counts as still failing). Stops when every sequence was tried once.
     */
    public Retry retryDeadLetters(String name) {
        ReadModel readModel = readModel(name);
        var processor = processing.sequencedDeadLetterProcessor(readModel.name()).orElseThrow(() ->
                new DomainException(ErrorCode.SERVICE_UNAVAILABLE, "the read model " + name + " keeps no dead letters"));
        long sequences = deadLetters(name).sequences();
        int retried = 0;
        int failing = 0;
        for (long i = 0; i < sequences; i++) {
            if (processor.processAny()) {
                retried++;
            } else {
                failing++;
            }
        }
        log.info("Retried dead letters of {}: {} sequences processed, {} still failing", name, retried, failing);
        return new Retry(name, retried, failing, deadLetters(name));
    }

    /** The sequences of {@code name} with parked events, at most {@code limit}, each with its events in order. */
    public List<ParkedSequence> deadLetterList(String name, int limit) {
        ReadModel readModel = readModel(name);
        List<ParkedSequence> sequences = new ArrayList<>();
        for (var sequence : queue(readModel).deadLetters()) {
            if (sequences.size() >= limit) {
                break;
            }
            List<ParkedEvent> events = new ArrayList<>();
            String id = null;
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (id == null) {
                    id = sequenceOf(readModel, letter.message());
                }
                events.add(parked(letter));
            }
            if (id != null) {
                sequences.add(new ParkedSequence(id, events));
            }
        }
        return sequences;
    }

    /**
     * Drops (evicts without applying) every parked event of the sequence {@code sequence} of {@code name}: the
     * read model will never apply them, and the aggregate's later events are applied again. For an event that
     * can never apply and whose effect the read model can do without; a replay brings back everything else.
     */
    public synchronized Dropped dropDeadLetters(String name, String sequence) {
        ReadModel readModel = readModel(name);
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(readModel);
        List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
        for (var parked : queue.deadLetters()) {
            List<DeadLetter<? extends EventMessage<?>>> ofSequence = new ArrayList<>();
            parked.forEach(ofSequence::add);
            if (!ofSequence.isEmpty() && sequence.equals(sequenceOf(readModel, ofSequence.get(0).message()))) {
                letters.addAll(ofSequence);
            }
        }
        if (letters.isEmpty()) {
            throw new DomainException(ErrorCode.NOT_FOUND, "sequence",
                    "no parked events of sequence " + sequence + " in " + name);
        }
        letters.forEach(queue::evict);
        log.warn("Dropped {} parked events of sequence {} from read model {}", letters.size(), sequence, name);
        return new Dropped(name, sequence, letters.size(), deadLetters(name));
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(ReadModel readModel) {
        return processing.deadLetterQueue(readModel.name()).orElseThrow(() -> new DomainException(
                ErrorCode.SERVICE_UNAVAILABLE, "the read model " + readModel.name() + " keeps no dead letters"));
    }

    private String sequenceOf(ReadModel readModel, EventMessage<?> message) {
        Object id = processing.sequencingPolicy(readModel.name()).getSequenceIdentifierFor(message);
        return id == null ? message.getIdentifier() : id.toString();
    }

    private static ParkedEvent parked(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        DomainEventMessage<?> domain = message instanceof DomainEventMessage<?> d ? d : null;
        return new ParkedEvent(message.getIdentifier(), message.getPayloadType().getSimpleName(),
                domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(), message.getTimestamp(),
                letter.cause().map(c -> c.type() + ": " + c.message()).orElse(null), letter.enqueuedAt(),
                letter.lastTouched());
    }

    private ReadModel readModel(String name) {
        return readModels.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "name", "no read model " + name));
    }

    private StreamingEventProcessor processor(ReadModel readModel) {
        return processing.eventProcessor(readModel.name(), StreamingEventProcessor.class).orElseThrow(() ->
                new DomainException(ErrorCode.SERVICE_UNAVAILABLE, "the processor of " + readModel.name()
                        + " does not run on this instance"));
    }

    private static Long position(TrackingToken token) {
        return token == null || token.position().isEmpty() ? null : token.position().getAsLong();
    }
}
