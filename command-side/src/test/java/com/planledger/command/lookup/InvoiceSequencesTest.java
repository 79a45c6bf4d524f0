package com.planledger.command.lookup;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.planledger.command.Racing;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partner's invoice sequence as two command instances see it: two {@link InvoiceSequences}, each with its own
 * driver connection to one MongoDB-wire server, claiming at once. Numbers are unique, and with the rolled-back
 * claims given back, the issued numbers are exactly 1..n.
 */
class InvoiceSequencesTest {

    private MongoServer server;
    private final List<MongoClient> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        clients.forEach(MongoClient::close);
        server.shutdownNow();
    }

    private InvoiceSequences instance() {
        MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        clients.add(client);
        return new InvoiceSequences(client.getDatabase("planledger"), LookupDurability.ACKNOWLEDGED);
    }

    @Test
    void fifty_concurrent_issues_on_two_instances_take_the_numbers_1_to_50() throws Exception {
        InvoiceSequences one = instance();
        InvoiceSequences two = instance();
        List<Long> numbers = race(50, i -> (i % 2 == 0 ? one : two).next("acme"));
        assertThat(numbers).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 50).boxed().toList());
        assertThat(one.next("acme")).isEqualTo(51);
        assertThat(two.next("other")).as("each partner has its own sequence").isEqualTo(1);
    }

    @Test
    void numbers_of_rolled_back_issues_are_given_back_and_reused_so_none_is_skipped() throws Exception {
        InvoiceSequences one = instance();
        InvoiceSequences two = instance();
        // 60 issues at once, every sixth one rolls back its unit of work (a refused append, a lost race)
        List<Long> kept = race(60, i -> {
            InvoiceSequences sequences = i % 2 == 0 ? one : two;
            DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            long number = sequences.next("acme");
            if (i % 6 == 5) {
                unitOfWork.rollback();
                return null;
            }
            unitOfWork.commit();
            return number;
        }).stream().filter(n -> n != null).toList();
        assertThat(kept).hasSize(50);
        // the 50 kept numbers have no duplicate; whatever was given back is claimed first afterwards
        assertThat(kept).doesNotHaveDuplicates();
        List<Long> all = new ArrayList<>(kept);
        for (int i = 0; i < 10; i++) {
            all.add(one.next("acme"));
        }
        assertThat(all).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 60).boxed().toList());
    }

    private static <T> List<T> race(int n, Racer<T> racer) throws Exception {
        List<Callable<T>> racers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            racers.add(() -> racer.run(index));
        }
        return Racing.run(racers);
    }

    @FunctionalInterface
    private interface Racer<T> {
        T run(int index) throws Exception;
    }
}
