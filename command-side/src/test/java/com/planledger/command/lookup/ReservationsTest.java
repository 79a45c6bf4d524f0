package com.planledger.command.lookup;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reservations against the MongoDB-wire server through the real driver. */
class ReservationsTest {

    static MongoServer server;
    static MongoClient client;
    static MongoCollection<Document> collection;

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        collection = client.getDatabase("test").getCollection("reservations");
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void of_two_concurrent_reservations_of_one_key_exactly_one_wins() throws Exception {
        AtomicInteger flushes = new AtomicInteger();
        Reservations reservations = new Reservations(collection, flushes::incrementAndGet);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 20; round++) {
                String key = "p:name-" + round;
                CyclicBarrier together = new CyclicBarrier(8);
                List<Future<Boolean>> outcomes = new ArrayList<>();
                for (int owner = 0; owner < 8; owner++) {
                    String me = "plan-" + owner;
                    outcomes.add(pool.submit(() -> {
                        together.await(5, TimeUnit.SECONDS);
                        try {
                            reservations.reserve(key, me, new Document(), () -> new IllegalStateException("taken"));
                            return true;
                        } catch (IllegalStateException e) {
                            return false;
                        }
                    }));
                }
                int won = 0;
                for (Future<Boolean> outcome : outcomes) {
                    won += outcome.get(10, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(won).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(flushes.get()).as("every successful reservation is flushed").isEqualTo(20);
    }

    @Test
    void writes_of_one_unit_of_work_are_flushed_once_before_it_commits() {
        List<String> order = new ArrayList<>();
        Reservations reservations = new Reservations(collection, () -> order.add("flush"));
        UnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(null);
        uow.onPrepareCommit(u -> {
            // the lookups run here, in the prepare phase, after the events were appended
            reservations.reserve("p:one", "plan-1", new Document(), IllegalStateException::new);
            reservations.reserve("p:two", "plan-2", new Document(), IllegalStateException::new);
        });
        uow.onCommit(u -> order.add("commit"));
        uow.commit();
        assertThat(order).containsExactly("flush", "commit");
    }

    @Test
    void the_owner_may_reserve_its_own_key_again_and_others_may_not() {
        Reservations reservations = new Reservations(collection, LookupDurability.ACKNOWLEDGED);
        reservations.reserve("p:gold", "gold", new Document(), IllegalStateException::new);
        reservations.reserve("p:gold", "gold", new Document(), IllegalStateException::new);
        assertThatThrownBy(() -> reservations.reserve("p:gold", "silver", new Document(),
                () -> new IllegalStateException("taken"))).hasMessage("taken");
        assertThat(reservations.ownerOf("p:gold")).isEqualTo("gold");
    }

    @Test
    void a_reservation_made_in_a_unit_of_work_that_rolls_back_is_released() {
        Reservations reservations = new Reservations(collection, LookupDurability.ACKNOWLEDGED);
        UnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(null);
        reservations.reserve("p:rolled-back", "plan-1", new Document(), IllegalStateException::new);
        assertThat(reservations.ownerOf("p:rolled-back")).isEqualTo("plan-1");
        uow.rollback(new IllegalStateException("the event could not be stored"));
        assertThat(reservations.ownerOf("p:rolled-back")).isNull();

        UnitOfWork<?> committed = DefaultUnitOfWork.startAndGet(null);
        reservations.reserve("p:committed", "plan-2", new Document(), IllegalStateException::new);
        committed.commit();
        assertThat(reservations.ownerOf("p:committed")).isEqualTo("plan-2");
    }
}
