package com.planledger.app;

import com.planledger.command.web.AggregateKind;
import com.planledger.command.web.CommandDispatcher;
import com.planledger.domain.DomainException;
import com.planledger.domain.ErrorCode;
import com.planledger.domain.Ids;
import com.planledger.domain.plan.CreatePlanCommand;
import com.planledger.domain.plan.PlanName;
import com.planledger.domain.plan.PlanType;
import com.planledger.domain.plan.Visibility;
import com.planledger.command.TestTerms;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.updates.UpdateChecker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.List;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The embedded stores: conflicts surface as conflicts, leak no connection, and the wiring is the declared one. */
class EmbeddedStoresTest extends EndToEndTest {

    @Autowired
    de.bwaldvogel.mongo.MongoServer embeddedMongoServer;
    @Autowired
    com.mongodb.client.MongoDatabase readStore;

    @Test
    void the_embedded_read_store_answers_the_services_driver_only() {
        int port = embeddedMongoServer.getLocalAddress().getPort();
        // another local process with the MongoDB driver: its handshake lacks the service's secret
        try (com.mongodb.client.MongoClient intruder = com.mongodb.client.MongoClients.create(
                "mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=1500&connectTimeoutMS=1500")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> intruder.getDatabase("planledger")
                            .getCollection("customers").find().first())
                    .isInstanceOf(com.mongodb.MongoException.class);
        }
        // and one that names itself like the service, with a guessed application name
        try (com.mongodb.client.MongoClient guesser = com.mongodb.client.MongoClients.create(
                "mongodb://127.0.0.1:" + port + "/?appName=planledger&serverSelectionTimeoutMS=1500")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> guesser.getDatabase("planledger")
                    .listCollectionNames().first()).isInstanceOf(com.mongodb.MongoException.class);
        }
        // the service's own client goes on
        assertThat(readStore.listCollectionNames().into(new java.util.ArrayList<>())).contains("trackingtokens");
    }

    @Autowired
    CommandDispatcher commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    HikariDataSource eventStoreDataSource;
    @Autowired
    ApplicationContext context;

    @Test
    void duplicate_create_of_one_plan_id_is_a_conflict_and_leaks_no_connection() {
        String partner = freshPartner();
        CreatePlanCommand create = new CreatePlanCommand(partner, "gold", PlanType.USAGE_BASED,
                PlanName.of("gold"), Visibility.PUBLIC, TestTerms.gold());
        commands.send(create, AggregateKind.PLAN);
        CreatePlanCommand again = new CreatePlanCommand(partner, "gold", PlanType.USAGE_BASED,
                PlanName.of("gold again"), Visibility.PUBLIC, TestTerms.gold());
        for (int i = 0; i < 20; i++) {
            try {
                commands.send(again, AggregateKind.PLAN);
                throw new AssertionError("a second create of the same id must be refused");
            } catch (DomainException e) {
                assertThat(e.code()).isEqualTo(ErrorCode.PLAN_ALREADY_EXISTS);
            }
        }
        awaitNoActiveConnections();
        // the refused creates reserved nothing: the name is still free
        commands.send(new CreatePlanCommand(partner, "gold-2", PlanType.USAGE_BASED, PlanName.of("gold again"),
                Visibility.PUBLIC, TestTerms.gold()), AggregateKind.PLAN);
    }

    @Test
    void concurrent_append_on_one_aggregate_is_a_conflict_and_leaks_no_connection() throws Exception {
        for (int round = 0; round < 10; round++) {
            String aggregate = "probe:" + freshPartner();
            Callable<Boolean> append = () -> {
                try {
                    transactionManager.executeInTransaction(() -> storageEngine.appendEvents(
                            new GenericDomainEventMessage<>("StoreProbe", aggregate, 3,
                                    new StoreProbeEvent(aggregate))));
                    return true;
                } catch (ConcurrencyException e) {
                    return false;
                }
            };
            assertThat(AtOnce.run(append, append)).as("exactly one append wins").containsExactlyInAnyOrder(true,
                    false);
        }
        awaitNoActiveConnections();
    }

    @Test
    void two_concurrent_creates_with_one_name_give_exactly_one_plan() throws Exception {
        for (int round = 0; round < 15; round++) {
            String partner = freshPartner();
            List<String> results = AtOnce.run(AtOnce.command(() -> create(partner, "a")),
                    AtOnce.command(() -> create(partner, "b")));
            assertThat(results).containsExactlyInAnyOrder(AtOnce.OK, "PLAN_NAME_TAKEN");
            long stored = List.of("a", "b").stream()
                    .filter(id -> eventStore.lastSequenceNumberFor(Ids.planAggregate(partner, id)).isPresent()).count();
            assertThat(stored).as("events stored for round " + round).isEqualTo(1);
        }
        awaitNoActiveConnections();
    }

    private void create(String partner, String id) {
        commands.send(new CreatePlanCommand(partner, id, PlanType.USAGE_BASED, PlanName.of("Same Name"),
                Visibility.PUBLIC, TestTerms.gold()), AggregateKind.PLAN);
    }

    @Test
    void the_embedded_mode_declares_its_stores_and_serializes_with_jackson_only() {
        assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(context.getBean(org.axonframework.commandhandling.CommandBus.class))
                .as("the command bus translates failures where they happen")
                .isInstanceOf(com.planledger.command.web.RefusalTranslatingCommandBus.class);
        assertThat(context.getBean(TokenStore.class)).isInstanceOf(MongoTokenStore.class);
        assertThat(context.getBeansOfType(TokenStore.class)).hasSize(1);
        Serializer general = context.getBean(Serializer.class);
        assertThat(general).isInstanceOf(JacksonSerializer.class);
        assertThat(context.getBean("eventSerializer")).isSameAs(general);
        assertThat(context.getBean("messageSerializer")).isSameAs(general);
        assertThat(context.getBeanNamesForType(org.axonframework.serialization.xml.XStreamSerializer.class))
                .isEmpty();
        assertThat(context.getEnvironment().getProperty("axon.axonserver.enabled")).isEqualTo("false");
        assertThat(context.getBeanNamesForType(com.mongodb.client.MongoClient.class)).hasSize(1);
    }

    @Test
    void the_update_checker_is_replaced_by_one_that_never_starts() {
        UpdateChecker checker = context.getBean(UpdateChecker.class);
        assertThat(checker.getClass().getSuperclass()).isEqualTo(UpdateChecker.class);
        assertThat(checker.getClass().getName()).startsWith("com.planledger.app.config.");
        checker.start();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().contains("UpdateChecker"));
    }

    private void awaitNoActiveConnections() {
        await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> eventStoreDataSource.getHikariPoolMXBean().getActiveConnections() == 0);
    }

    /** An event no read model handles: the probe leaves the shared context's read models untouched. */
    public record StoreProbeEvent(String id) {
    }
}
