package com.planledger.app.config;

import com.planledger.query.admin.ProjectionAdmin;
import com.planledger.query.admin.ProjectionAdmin.ProjectionStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The read models' processors in health and metrics, as {@code GET /v1/admin/projections} shows them.
 * <ul>
 *   <li>Health ({@code readModels}): OUT_OF_SERVICE while a read model's processor is in ERROR (a batch keeps
 *   failing and is retried with back-off) or STOPPED, because that read model no longer follows the events for
 *   any partner. Events parked as dead letters stop one partner's sequence only and leave health UP; they show
 *   in the metrics below and in the admin API.</li>
 *   <li>Metrics per read model ({@code projection} tag): {@code planledger.projections.parked.events},
 *   {@code planledger.projections.parked.sequences}, {@code planledger.projections.lag} (events between the
 *   processor and the head of the event store) and {@code planledger.projections.error} (1 while in ERROR).</li>
 * </ul>
 * An instance without the query side has no read models: health UP, no such metrics.
 */
@Component("readModelsHealthIndicator")
public class ProjectionHealth implements HealthIndicator {

    /** How long one reading serves the gauges: well below any scrape interval, above one scrape's duration. */
    private static final Duration SCRAPE_REUSE = Duration.ofMillis(250);

    private final ObjectProvider<ProjectionAdmin> admin;
    private final MeterRegistry registry;
    private Map<String, ProjectionStatus> scrape;
    private long scrapedAt;

    public ProjectionHealth(ObjectProvider<ProjectionAdmin> admin, MeterRegistry registry) {
        this.admin = admin;
        this.registry = registry;
    }

    @Override
    public Health health() {
        ProjectionAdmin projections = admin.getIfAvailable();
        if (projections == null) {
            return Health.up().withDetail("readModels", "none on this instance").build();
        }
        List<ProjectionStatus> all = projections.all();
        Map<String, Object> details = new LinkedHashMap<>();
        boolean stalled = false;
        for (ProjectionStatus p : all) {
            boolean stopped = !"RUNNING".equals(p.status());
            stalled |= stopped;
            details.put(p.name(), Map.of("status", p.status(), "lag", p.lag() == null ? -1 : p.lag(),
                    "parkedEvents", p.deadLetters().events()));
        }
        return (stalled ? Health.outOfService() : Health.up()).withDetails(details).build();
    }

    /** The gauges, once the processors exist and the service is up. */
    @EventListener(ApplicationReadyEvent.class)
    public void bindMetrics() {
        ProjectionAdmin projections = admin.getIfAvailable();
        if (projections == null) {
            return;
        }
        // names only: the event store may not be reachable yet (Axon Server), and a gauge asks at each scrape
        for (String name : projections.names()) {
            gauge("planledger.projections.parked.events", name, "events parked as dead letters",
                    s -> s.deadLetters().events());
            gauge("planledger.projections.parked.sequences", name,
                    "sequences (aggregates) with parked events", s -> s.deadLetters().sequences());
            gauge("planledger.projections.lag", name, "events between the processor and the head",
                    s -> s.lag() == null ? Double.NaN : s.lag());
            gauge("planledger.projections.error", name, "1 while the processor is in ERROR",
                    s -> "ERROR".equals(s.status()) ? 1 : 0);
        }
    }

    private void gauge(String metric, String projection, String description,
                       ToDoubleFunction<ProjectionStatus> value) {
        Gauge.builder(metric, this, health -> value.applyAsDouble(health.scraped(projection)))
                .tag("projection", projection).description(description).register(registry);
    }

    /**
     * One reading of every read model per scrape: the gauges of one scrape (four per read model) share it, so a
     * scrape asks the event store for its head once and walks each dead-letter queue once.
     */
    private synchronized ProjectionStatus scraped(String projection) {
        long now = System.nanoTime();
        if (scrape == null || now - scrapedAt > SCRAPE_REUSE.toNanos()) {
            scrape = admin.getObject().all().stream()
                    .collect(Collectors.toMap(ProjectionStatus::name, status -> status));
            scrapedAt = now;
        }
        return scrape.get(projection);
    }
}
