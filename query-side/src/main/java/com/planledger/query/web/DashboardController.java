package com.planledger.query.web;

import com.planledger.domain.query.DashboardQuery;
import com.planledger.domain.query.DashboardView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import reactor.core.Disposable;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The partner dashboard, and its live stream: server-sent events with the whole dashboard first and again after
 * every change (an Axon subscription query), and a {@code heartbeat} event every few seconds so proxies and
 * clients know the stream is alive.
 */
@RestController
@Tag(name = "Dashboard")
public class DashboardController {

    private static final Logger log = LoggerFactory.getLogger(DashboardController.class);

    private final Queries queries;
    private final QueryGateway gateway;
    private final Duration heartbeat;
    private final Duration streamTimeout;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "dashboard-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    /** The streams open now: ended when the service stops, so a graceful stop does not wait for them. */
    private final java.util.Set<SseEmitter> open = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public DashboardController(Queries queries, QueryGateway gateway,
                               @Value("${planledger.dashboard.heartbeat:PT15S}") Duration heartbeat,
                               @Value("${planledger.dashboard.stream-timeout:PT1H}") Duration streamTimeout) {
        this.queries = queries;
        this.gateway = gateway;
        this.heartbeat = heartbeat;
        this.streamTimeout = streamTimeout;
    }

    @GetMapping("/v1/partners/{partnerId}/dashboard")
    @Operation(summary = "Counts, MRR per currency, recommended plan, subscribers per plan, recent activity")
    public DashboardView dashboard(@PathVariable String partnerId) {
        return queries.ask(new DashboardQuery(partnerId), DashboardView.class);
    }

    @GetMapping(value = "/v1/partners/{partnerId}/dashboard/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "The dashboard as server-sent events: event 'dashboard' now and on every change, "
            + "event 'heartbeat' in between")
    public SseEmitter stream(@PathVariable String partnerId) {
        SseEmitter emitter = new SseEmitter(streamTimeout.toMillis());
        SubscriptionQueryResult<DashboardView, DashboardView> subscription = gateway.subscriptionQuery(
                new DashboardQuery(partnerId), DashboardView.class, DashboardView.class);
        AtomicBoolean open = new AtomicBoolean(true);
        AtomicReference<Instant> lastSent = new AtomicReference<>();
        Runnable close = () -> {
            if (open.compareAndSet(true, false)) {
                subscription.cancel();
            }
        };
        Disposable updates = subscription.initialResult().concatWith(subscription.updates()).subscribe(
                view -> {
                    lastSent.set(view.updatedAt());
                    send(emitter, SseEmitter.event().name("dashboard").data(view, MediaType.APPLICATION_JSON), close);
                },
                error -> {
                    log.debug("dashboard stream of {} ended: {}", partnerId, error.toString());
                    close.run();
                    emitter.completeWithError(error);
                });
        // between pushes: a heartbeat, or the dashboard itself when it changed without a push reaching this
        // instance (with several query instances, the change may have been applied by another one)
        ScheduledFuture<?> beats = heartbeats.scheduleAtFixedRate(() -> {
            DashboardView current = dashboardOrNull(partnerId);
            if (current != null && current.updatedAt() != null && !current.updatedAt().equals(lastSent.get())) {
                lastSent.set(current.updatedAt());
                send(emitter, SseEmitter.event().name("dashboard").data(current, MediaType.APPLICATION_JSON), close);
            } else {
                send(emitter, SseEmitter.event().name("heartbeat").data("{}", MediaType.APPLICATION_JSON), close);
            }
        }, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
        Runnable cleanUp = () -> {
            this.open.remove(emitter);
            beats.cancel(false);
            updates.dispose();
            close.run();
        };
        emitter.onCompletion(cleanUp);
        emitter.onTimeout(cleanUp);
        emitter.onError(e -> cleanUp.run());
        this.open.add(emitter);
        return emitter;
    }

    /**
     * The service is stopping: every open stream ends now (clients reconnect, to another instance if there is
     * one), before the web server's graceful shutdown waits for requests in flight.
     */
    @org.springframework.context.event.EventListener(org.springframework.context.event.ContextClosedEvent.class)
    void endStreams() {
        heartbeats.shutdownNow();
        for (SseEmitter emitter : java.util.List.copyOf(open)) {
            try {
                emitter.complete();
            } catch (RuntimeException e) {
                log.debug("dashboard stream not completed at stop: {}", e.toString());
            }
        }
    }

    private DashboardView dashboardOrNull(String partnerId) {
        try {
            return queries.ask(new DashboardQuery(partnerId), DashboardView.class);
        } catch (RuntimeException e) {
            log.debug("dashboard of {} not read for the stream: {}", partnerId, e.toString());
            return null;
        }
    }

    private static void send(SseEmitter emitter, SseEmitter.SseEventBuilder event, Runnable close) {
        try {
            synchronized (emitter) {
                emitter.send(event);
            }
        } catch (IOException | IllegalStateException e) {
            close.run();
            emitter.completeWithError(e);
        }
    }
}
