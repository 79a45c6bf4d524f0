package com.planledger.query.admin;

import com.planledger.domain.DomainException;
import com.planledger.domain.ErrorCode;
import com.planledger.query.store.ReadModelStore;
import jakarta.annotation.PreDestroy;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Replays without downtime (blue/green). A replay builds the next generation of a read model's collections
 * ({@code customers__g1}, ...) with a processor of its own, from the first event, while the live processor keeps
 * the live generation current and every read goes on answering from it. When the rebuild has caught up with the
 * live processor, the switch:
 * <ol>
 *   <li>stops the live processor and takes its tokens (their position P);</li>
 *   <li>lets the rebuild reach P, and stops it (its position R, at or after P);</li>
 *   <li>makes the new generation the live one (one document; this instance's reads switch at once);</li>
 *   <li>gives the live processor the rebuild's token R on every segment, and starts it again: it goes on
 *   from R on the new generation.</li>
 * </ol>
 * A crash before step 3 leaves the old generation and its tokens as they were (the unfinished generation is
 * dropped by the next replay); a crash between 3 and 4 leaves the live processor at P on the new generation, which
 * re-applies (P, R], and the read models' guards ignore what was applied. The old generation is dropped
 * {@link #RETIRE_AFTER} after the switch, so that other instances, which re-read the live generation every
 * second, have moved off it.
 * <p>
 * The rebuild's handlers are the read model's own bean; its threads are bound to the new generation's collections
 * ({@link ReadModelStore#bindToRebuild}), and its tokens are replay tokens, so handlers that push live updates
 * stay silent. An event the rebuild cannot apply is parked in the rebuild's own dead-letter queue, with the later
 * events of its aggregate, as the live processor parks it; at the switch that queue replaces the live one's. A
 * rebuild whose processor fails otherwise stays in ERROR (retrying, as any processor does) until it is cancelled;
 * the old generation serves meanwhile.
 */
@Component
public class GenerationRebuilds {

    static final Duration RETIRE_AFTER = Duration.ofSeconds(30);
    private static final Duration CATCH_UP_AT_SWITCH = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(GenerationRebuilds.class);

    private final ReadModelStore store;
    private final EventStore eventStore;
    private final TokenStore tokenStore;
    private final Configuration axon;
    private final EventProcessingConfiguration processing;
    private final ObjectProvider<DeadLetterQueues> deadLetters;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "read-model-rebuilds");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();

    /** A rebuild as the admin API shows it: the generation it builds, how far it is, and how it ended. */
    public record RebuildStatus(int generation, String status, Long position, Long headAtStart,
                                Integer progressPercent, String error, Instant startedAt, Instant switchedAt) {
    }

    public GenerationRebuilds(ReadModelStore store, EventStore eventStore, TokenStore tokenStore,
                              Configuration axon, EventProcessingConfiguration processing,
                              ObjectProvider<DeadLetterQueues> deadLetters) {
        this.processing = processing;
        this.deadLetters = deadLetters;
        this.store = store;
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.axon = axon;
    }

    private final class Rebuild {
        final ReadModel readModel;
        final StreamingEventProcessor live;
        final int generation;
        final Map<String, String> target = new LinkedHashMap<>();
        final String processorName;
        final Long headAtStart;
        final Instant startedAt = Instant.now();
        TrackingEventProcessor processor;
        volatile String status = "RUNNING";
        volatile String error;
        volatile Instant switchedAt;

        Rebuild(ReadModel readModel, StreamingEventProcessor live, int generation, Long headAtStart) {
            this.readModel = readModel;
            this.live = live;
            this.generation = generation;
            this.headAtStart = headAtStart;
            this.processorName = readModel.name() + "__g" + generation;
            readModel.collections().forEach(c -> target.put(c, ReadModelStore.generationName(c, generation)));
        }

        boolean active() {
            return "RUNNING".equals(status) || "ERROR".equals(status) || "SWITCHING".equals(status);
        }

        Long position() {
            TrackingEventProcessor p = processor;
            if (p == null) {
                return null;
            }
            return p.processingStatus().values().stream().map(EventTrackerStatus::getCurrentPosition)
                    .filter(java.util.OptionalLong::isPresent).map(java.util.OptionalLong::getAsLong)
                    .min(Long::compare).orElse(null);
        }

        RebuildStatus view() {
            Long position = "SWITCHED".equals(status) ? headAtStart : position();
            Integer percent = null;
            if ("SWITCHED".equals(status)) {
                percent = 100;
            } else if (headAtStart != null && headAtStart > 0 && position != null) {
                percent = (int) Math.min(100, position * 100 / headAtStart);
            }
            return new RebuildStatus(generation, status, position, headAtStart, percent, error, startedAt,
                    switchedAt);
        }
    }

    /** Whether a rebuild of {@code name} is under way. */
    public boolean rebuilding(String name) {
        Rebuild rebuild = rebuilds.get(name);
        return rebuild != null && rebuild.active();
    }

    /** The last rebuild of {@code name} on this instance (under way or done), or null. */
    public RebuildStatus status(String name) {
        Rebuild rebuild = rebuilds.get(name);
        return rebuild == null ? null : rebuild.view();
    }

    /** Starts building the next generation of {@code readModel}, whose live processor is {@code live}. */
    public synchronized RebuildStatus start(ReadModel readModel, StreamingEventProcessor live) {
        String name = readModel.name();
        if (rebuilding(name)) {
            throw new DomainException(ErrorCode.CONCURRENT_MODIFICATION, "name",
                    "the read model " + name + " is already being rebuilt");
        }
        int segments = tokenStore.fetchSegments(name).length;
        if (!live.isRunning() || live.processingStatus().size() < segments) {
            throw new DomainException(ErrorCode.CONCURRENT_MODIFICATION, "name", "the read model " + name
                    + " has segments this instance does not hold: replay it on an instance that runs all of them");
        }
        TrackingToken head = eventStore.createHeadToken();
        Rebuild rebuild = new Rebuild(readModel, live, store.generation(name) + 1,
                head == null || head.position().isEmpty() ? null : head.position().getAsLong());
        // what an unfinished rebuild of this generation left behind
        store.dropStored(rebuild.target.values());
        deleteTokens(rebuild.processorName);

        DeadLetterQueues queues = deadLetters.getIfAvailable();
        SimpleEventHandlerInvoker invoker = queues == null
                ? SimpleEventHandlerInvoker.builder()
                        .eventHandlers(readModel)
                        .parameterResolverFactory(axon.parameterResolverFactory())
                        .handlerDefinition(axon.handlerDefinition(readModel.getClass()))
                        .sequencingPolicy(processing.sequencingPolicy(name))
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                        .build()
                : DeadLetteringEventHandlerInvoker.builder()
                        .eventHandlers(readModel)
                        .parameterResolverFactory(axon.parameterResolverFactory())
                        .handlerDefinition(axon.handlerDefinition(readModel.getClass()))
                        .sequencingPolicy(processing.sequencingPolicy(name))
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                        .queue(queues.queue(rebuild.processorName))
                        .transactionManager(NoTransactionManager.instance())
                        .allowReset(true)
                        .build();
        ReadModelStore.inRebuild(rebuild.target, invoker::performReset);
        TrackingEventProcessorConfiguration configuration = TrackingEventProcessorConfiguration
                .forSingleThreadedProcessing()
                .andBatchSize(100)
                .andInitialTrackingToken(source -> ReplayToken.createReplayToken(source.createHeadToken()))
                .andThreadFactory(processorName -> runnable -> {
                    Thread thread = new Thread(() -> {
                        ReadModelStore.bindToRebuild(rebuild.target);
                        runnable.run();
                    }, "rebuild-" + processorName);
                    thread.setDaemon(true);
                    return thread;
                });
        rebuild.processor = TrackingEventProcessor.builder()
                .name(rebuild.processorName)
                .eventHandlerInvoker(invoker)
                .messageSource(eventStore)
                .tokenStore(tokenStore)
                .transactionManager(NoTransactionManager.instance())
                .trackingEventProcessorConfiguration(configuration)
                .build();
        rebuilds.put(name, rebuild);
        log.info("Rebuilding read model {} into generation {} ({} events at start)", name, rebuild.generation,
                rebuild.headAtStart == null ? 0 : rebuild.headAtStart + 1);
        rebuild.processor.start();
        scheduler.schedule(() -> watch(rebuild), 100, TimeUnit.MILLISECONDS);
        return rebuild.view();
    }

    /** Stops the rebuild of {@code name} and drops what it built; the live generation goes on serving. */
    public synchronized RebuildStatus cancel(String name) {
        Rebuild rebuild = rebuilds.get(name);
        if (rebuild == null || !rebuild.active()) {
            throw new DomainException(ErrorCode.NOT_FOUND, "name", "no rebuild of " + name + " under way");
        }
        rebuild.status = "CANCELLED";
        rebuild.processor.shutDown();
        deleteTokens(rebuild.processorName);
        store.dropStored(rebuild.target.values());
        DeadLetterQueues queues = deadLetters.getIfAvailable();
        if (queues != null) {
            queues.queue(rebuild.processorName).clear();
        }
        log.info("Rebuild of read model {} into generation {} cancelled", name, rebuild.generation);
        return rebuild.view();
    }

    private void watch(Rebuild rebuild) {
        try {
            if (!rebuild.active()) {
                return;
            }
            var segments = rebuild.processor.processingStatus().values();
            boolean error = segments.stream().anyMatch(EventTrackerStatus::isErrorState);
            rebuild.error = error ? segments.stream().filter(EventTrackerStatus::isErrorState)
                    .map(s -> String.valueOf(s.getError())).findFirst().orElse(null) : null;
            rebuild.status = error ? "ERROR" : "RUNNING";
            Long position = rebuild.position();
            Long live = livePosition(rebuild.live);
            boolean caughtUp = !segments.isEmpty() && segments.stream().allMatch(EventTrackerStatus::isCaughtUp);
            if (!error && caughtUp && (live == null || position != null && position >= live)) {
                switchOver(rebuild);
            }
        } catch (RuntimeException e) {
            log.warn("Rebuild of {} could not be checked; trying again", rebuild.readModel.name(), e);
        }
        if (rebuild.active()) {
            scheduler.schedule(() -> watch(rebuild), 100, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void switchOver(Rebuild rebuild) {
        if (!rebuild.active()) {
            return;
        }
        String name = rebuild.readModel.name();
        rebuild.status = "SWITCHING";
        int[] segments = tokenStore.fetchSegments(name);
        rebuild.live.shutDown();
        boolean switched = false;
        try {
            long liveAt = -1;
            for (int segment : segments) {
                liveAt = Math.max(liveAt, positionOf(tokenStore.fetchToken(name, segment)));
            }
            long deadline = System.nanoTime() + CATCH_UP_AT_SWITCH.toNanos();
            while (positionOrMinus(rebuild.position()) < liveAt && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            if (positionOrMinus(rebuild.position()) < liveAt) {
                log.warn("Rebuild of {} did not reach position {} in time; the switch is tried again", name, liveAt);
                return;
            }
            rebuild.processor.shutDown();
            TrackingToken rebuilt = tokenStore.fetchToken(rebuild.processorName, 0);
            TrackingToken resumeAt = rebuilt instanceof ReplayToken replay ? replay.getCurrentToken() : rebuilt;
            store.switchGeneration(name, rebuild.generation, rebuild.readModel.collections());
            switched = true;
            DeadLetterQueues queues = deadLetters.getIfAvailable();
            if (queues != null) {
                queues.replace(name, rebuild.processorName);
            }
            try {
                for (int segment : segments) {
                    if (resumeAt != null) {
                        tokenStore.storeToken(resumeAt, name, segment);
                    }
                    tokenStore.releaseClaim(name, segment);
                }
                tokenStore.deleteToken(rebuild.processorName, 0);
            } catch (RuntimeException e) {
                // the live processor then resumes from its own, earlier token on the new generation, which
                // re-applies what the rebuild applied after it; the guards ignore it
                log.warn("Read model {}: the rebuild's token was not handed over; the live processor re-applies "
                        + "from its own position", name, e);
            }
            rebuild.status = "SWITCHED";
            rebuild.switchedAt = Instant.now();
            log.info("Read model {} switched to generation {} at position {}", name, rebuild.generation,
                    positionOf(resumeAt));
            Map<String, String> retired = new LinkedHashMap<>();
            rebuild.readModel.collections().forEach(c ->
                    retired.put(c, ReadModelStore.generationName(c, rebuild.generation - 1)));
            scheduler.schedule(() -> store.dropStored(retired.values()), RETIRE_AFTER.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (!switched) {
                for (int segment : segments) {
                    tokenStore.releaseClaim(name, segment);
                }
                if (rebuild.active()) {
                    rebuild.status = "RUNNING";
                }
            }
            rebuild.live.start();
        }
    }

    private static Long livePosition(StreamingEventProcessor live) {
        return live.processingStatus().values().stream().map(EventTrackerStatus::getCurrentPosition)
                .filter(java.util.OptionalLong::isPresent).map(java.util.OptionalLong::getAsLong)
                .max(Long::compare).orElse(null);
    }

    private static long positionOrMinus(Long position) {
        return position == null ? -1 : position;
    }

    private static long positionOf(TrackingToken token) {
        return token == null || token.position().isEmpty() ? -1 : token.position().getAsLong();
    }

    private void deleteTokens(String processorName) {
        for (int segment : tokenStore.fetchSegments(processorName)) {
            tokenStore.fetchToken(processorName, segment);
            tokenStore.deleteToken(processorName, segment);
        }
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
        rebuilds.values().stream().filter(Rebuild::active).forEach(r -> r.processor.shutDown());
    }
}
