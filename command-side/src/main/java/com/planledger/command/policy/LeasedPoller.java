package com.planledger.command.policy;

import com.mongodb.client.MongoDatabase;
import com.planledger.command.lookup.LookupCollections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Background work the command side does on its own every {@code interval}: one daemon thread, started after Axon's
 * buses and stopped before them. A {@link Lease} of the same name in MongoDB lets one instance at a time do the
 * work; {@link #poll()} must take it ({@code lease.acquire()}) before working. A failed round is logged and the
 * next one retries.
 */
abstract class LeasedPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LeasedPoller.class);

    protected final Lease lease;
    private final String name;
    private final Duration interval;
    private final boolean enabled;
    private ScheduledExecutorService executor;
    private volatile boolean running;

    protected LeasedPoller(String name, MongoDatabase database, Duration interval, Duration leaseDuration,
                           boolean enabled) {
        this.name = name;
        this.interval = interval;
        this.enabled = enabled;
        this.lease = new Lease(database.getCollection(LookupCollections.LEASES), name,
                "instance-" + UUID.randomUUID(), leaseDuration, Clock.systemUTC());
    }

    /** One round of work, done only when this instance holds the lease. */
    protected abstract void poll();

    @Override
    public void start() {
        if (!enabled) {
            log.info("{} is disabled on this instance", name);
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::pollSafely, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        running = true;
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            log.warn("{} round failed; retried at the next round", name, e);
        }
    }

    @Override
    public void stop() {
        running = false;
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            lease.release();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // after Axon's buses have started, stopped before they stop
        return Integer.MAX_VALUE - 100;
    }
}
