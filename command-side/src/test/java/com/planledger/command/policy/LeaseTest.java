package com.planledger.command.policy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.planledger.domain.time.MutableClock;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** With several command-side instances, one holds the scheduler's lease; another takes over once it expires. */
class LeaseTest {

    static MongoServer server;
    static MongoClient client;
    static MongoCollection<Document> leases;

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        leases = client.getDatabase("test").getCollection("leases");
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void one_instance_holds_the_lease_until_it_expires_or_is_released() {
        MutableClock wall = new MutableClock(Instant.parse("2026-05-01T00:00:00Z"));
        Lease a = new Lease(leases, "scheduler", "a", Duration.ofSeconds(30), wall);
        Lease b = new Lease(leases, "scheduler", "b", Duration.ofSeconds(30), wall);

        assertThat(a.acquire()).isTrue();
        assertThat(b.acquire()).isFalse();
        wall.advance(Duration.ofSeconds(20));
        assertThat(a.acquire()).as("the holder renews").isTrue();
        wall.advance(Duration.ofSeconds(20));
        assertThat(b.acquire()).as("renewed: not expired yet").isFalse();

        wall.advance(Duration.ofSeconds(31));
        assertThat(b.acquire()).as("a stopped renewing: b takes over").isTrue();
        assertThat(a.acquire()).isFalse();

        b.release();
        assertThat(a.acquire()).as("released: free at once").isTrue();
    }

    @Test
    void a_lease_held_elsewhere_is_refused_quietly_and_a_takeover_is_one_line() {
        ListAppender<ILoggingEvent> server = capture("de.bwaldvogel.mongo");
        ListAppender<ILoggingEvent> lease = capture(Lease.class.getName());
        MutableClock wall = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));
        Lease a = new Lease(leases, "runner", "a", Duration.ofSeconds(8), wall);
        Lease b = new Lease(leases, "runner", "b", Duration.ofSeconds(8), wall);
        assertThat(a.acquire()).isTrue();
        // a was killed: b polls every second until the lease expires
        for (int poll = 0; poll < 8; poll++) {
            assertThat(b.acquire()).isFalse();
            wall.advance(Duration.ofSeconds(1));
        }
        wall.advance(Duration.ofSeconds(1));
        assertThat(b.acquire()).isTrue();
        assertThat(b.acquire()).isTrue();
        assertThat(server.list).as("the store logged no failed write").noneMatch(e -> e.getLevel() == Level.ERROR);
        assertThat(lease.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "Took over the lease 'runner' from a, whose lease had expired at 2026-06-01T00:00:08Z");
    }

    private static ListAppender<ILoggingEvent> capture(String loggerName) {
        Logger logger = (Logger) LoggerFactory.getLogger(loggerName);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        return appender;
    }
}
