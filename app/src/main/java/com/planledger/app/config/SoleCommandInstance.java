package com.planledger.app.config;

import org.axonframework.common.Registration;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.QueryBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Refuses to start a second command instance on an embedded read store. Each such instance keeps its own
 * lookups (unique plan names and e-mails, the recommended slot) and idempotency records, so two of them behind
 * one Axon Server would each accept what the other already holds. Every command instance with an embedded read
 * store answers {@link Query} over the query bus with its id; at start an instance asks, and when another one
 * answers it stops with a message that says why. Several command instances need the shared MongoDB read store.
 *
 * <p>An instance answers before it asks, so two instances starting together see each other and both refuse; only
 * an answer slower than the timeout (2 s) goes unseen. The check is a guard against a wrong topology, not a lock.
 */
public class SoleCommandInstance implements SmartLifecycle {

    /** Who else runs the command side on an embedded read store? */
    public record Query(String askedBy) {
    }

    static final String QUERY_NAME = "planledger.embedded-command-instance";
    private static final Logger log = LoggerFactory.getLogger(SoleCommandInstance.class);

    private final QueryBus queryBus;
    private final String id = UUID.randomUUID().toString();
    private final long timeoutMillis;
    private Registration registration;
    private volatile boolean running;

    public SoleCommandInstance(QueryBus queryBus, long timeoutMillis) {
        this.queryBus = queryBus;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public void start() {
        // answer first, then ask: two instances starting together then see each other, and both refuse
        registration = queryBus.subscribe(QUERY_NAME, String.class, message -> id);
        List<String> others;
        try {
            others = queryBus.scatterGather(new GenericQueryMessage<>(new Query(id), QUERY_NAME,
                            ResponseTypes.instanceOf(String.class)), timeoutMillis, TimeUnit.MILLISECONDS)
                    .map(response -> (String) response.getPayload())
                    .filter(answer -> answer != null && !answer.equals(id))
                    .toList();
        } catch (RuntimeException e) {
            log.warn("Could not ask for other command instances on embedded read stores ({}); run only one",
                    e.toString());
            others = List.of();
        }
        if (!others.isEmpty()) {
            registration.cancel();
            throw new IllegalStateException("another command instance with an embedded read store is running ("
                    + others + "): each keeps its own lookups and idempotency records, so unique names and "
                    + "e-mails and Idempotency-Key would not hold across them; run one command instance per "
                    + "embedded read store, or give every instance the shared MongoDB read store "
                    + "(planledger.read-store=mongodb)");
        }
        log.info("Command instance {} on an embedded read store: no other found", id);
        running = true;
    }

    @Override
    public void stop() {
        if (registration != null) {
            registration.cancel();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // after Axon has connected, before the lookups are built and the web server takes requests
        return Integer.MAX_VALUE - 300;
    }
}
