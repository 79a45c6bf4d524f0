package com.planledger.command.policy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.planledger.command.lookup.LookupCollections;
import com.planledger.command.web.AggregateKind;
import com.planledger.command.web.CommandDispatcher;
import com.planledger.domain.DomainException;
import com.planledger.domain.ErrorCode;
import com.planledger.domain.customer.ApplyDueTransitionsCommand;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;

/**
 * Applies the time-based customer transitions without any request: periods ending (renewal or past due) and grace
 * periods ending (overdue block). Every {@code planledger.billing.poll-interval} it reads, from the due lookup in
 * MongoDB, the customers whose next transition is due by the domain clock and sends each an
 * {@link ApplyDueTransitionsCommand}; the aggregate decides what is due and answers its next due instant, which
 * corrects the lookup.
 * <p>
 * Nothing lives only in memory: after a restart the next poll finds everything that fell due meanwhile. With
 * several command-side instances, a lease in MongoDB lets one instance poll at a time (another takes over when
 * it stops); and a duplicate command would change nothing, because the aggregate applies only what is due.
 * <p>
 * The customers of a batch are independent aggregates: their commands are sent {@code planledger.billing.parallelism}
 * at a time (4 by default), so a day when many periods end is not one command after another.
 */
@Component
public class DueTransitionScheduler extends LeasedPoller {

    static final String LEASE = "due-transitions";
    private static final Logger log = LoggerFactory.getLogger(DueTransitionScheduler.class);
    private static final int BATCH = 200;
    /** Rounds of batches at most per run (a customer far behind answers a past instant until it caught up). */
    private static final int MAX_ROUNDS = 10_000;

    private final MongoCollection<Document> due;
    private final CommandDispatcher commands;
    private final Clock clock;
    private final Counter transitions;
    private final Counter failures;
    private final ExecutorService workers;

    public DueTransitionScheduler(MongoDatabase database, CommandDispatcher commands, Clock clock,
                                  MeterRegistry meters,
                                  @Value("${planledger.billing.poll-interval:PT30S}") Duration interval,
                                  @Value("${planledger.billing.scheduler-enabled:true}") boolean enabled,
                                  @Value("${planledger.billing.parallelism:4}") int parallelism) {
        super(LEASE, database, interval, interval.multipliedBy(3).plusSeconds(5), enabled);
        this.due = database.getCollection(LookupCollections.DUE);
        this.commands = commands;
        this.clock = clock;
        this.transitions = Counter.builder("planledger.billing.due.customers")
                .description("customers whose time-based transitions were applied").register(meters);
        this.failures = Counter.builder("planledger.billing.due.failures")
                .description("due-transition commands that failed (retried at the next poll)").register(meters);
        if (parallelism < 1) {
            throw new IllegalArgumentException("planledger.billing.parallelism must be 1 or more, was " + parallelism);
        }
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(parallelism, r -> {
            Thread thread = new Thread(r, LEASE + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    protected void poll() {
        runOnce();
    }

    /**
     * Applies everything due by the domain clock, if this instance holds the lease. Answers how many customers
     * were processed.
     */
    public synchronized int runOnce() {
        if (!lease.acquire()) {
            return 0;
        }
        int processed = 0;
        Instant now = clock.instant();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<Document> batch = new ArrayList<>();
            due.find(lte("dueAt", Date.from(now))).sort(Sorts.ascending("dueAt")).limit(BATCH).into(batch);
            List<Future<Boolean>> applied = new ArrayList<>(batch.size());
            for (Document entry : batch) {
                applied.add(workers.submit(() -> apply(entry, now)));
            }
            int progressed = 0;
            for (Future<Boolean> outcome : applied) {
                if (progressed(outcome)) {
                    progressed++;
                }
                processed++;
            }
            if (progressed == 0) {
                break; // nothing due, or every entry of the batch failed: retry at the next poll
            }
        }
        return processed;
    }

    private static boolean progressed(Future<Boolean> outcome) {
        try {
            return outcome.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false; // apply logs and counts its own failures
        }
    }

    @Override
    public void stop() {
        super.stop();
        workers.shutdownNow();
    }

    private boolean apply(Document entry, Instant now) {
        String partnerId = entry.getString("partnerId");
        String customerId = entry.getString("customerId");
        Date dueAt = entry.getDate("dueAt");
        try {
            Instant next = commands.send(new ApplyDueTransitionsCommand(partnerId, customerId),
                    org.axonframework.messaging.MetaData.emptyInstance(), AggregateKind.CUSTOMER);
            // the aggregate's answer is exact: a customer still behind (a past instant) is polled again at once,
            // unless a concurrent command's events brought the entry forward meanwhile
            due.updateOne(and(eq("_id", entry.get("_id")), eq("dueAt", dueAt)),
                    next == null ? Updates.unset("dueAt") : Updates.set("dueAt", Date.from(next)));
            transitions.increment();
            return true;
        } catch (DomainException e) {
            if (e.code() == ErrorCode.CUSTOMER_NOT_FOUND) {
                due.deleteOne(eq("_id", entry.get("_id")));
                return true;
            }
            failures.increment();
            log.warn("Due transitions of customer {} of partner {} failed; retried at the next poll: {}",
                    customerId, partnerId, e.getMessage());
            return false;
        } catch (RuntimeException e) {
            failures.increment();
            log.warn("Due transitions of customer {} of partner {} failed; retried at the next poll", customerId,
                    partnerId, e);
            return false;
        }
    }
}
