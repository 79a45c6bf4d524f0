package com.planledger.app;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.planledger.command.web.CommandDispatcher;
import com.planledger.query.admin.ReadModel;
import de.bwaldvogel.mongo.MongoServer;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.queryhandling.QueryBus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each mode's wiring, without a running Axon Server or MongoDB: the Axon Server connector points at a local port
 * nothing listens on, and the MongoDB mode talks to a MongoDB-wire server through the real driver. Stores are the
 * declared ones, per mode; the sides run what their role says and nothing else.
 */
class ProductionWiringTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start(String... args) {
        String[] common = {"--server.port=0", "--planledger.data-dir=" + dataDir,
                "--planledger.security.api-keys=ops:" + EndToEndTest.ADMIN_KEY + ":ADMIN",
                "--planledger.billing.scheduler-enabled=false"};
        String[] all = new String[common.length + args.length];
        System.arraycopy(common, 0, all, 0, common.length);
        System.arraycopy(args, 0, all, common.length, args.length);
        return new SpringApplicationBuilder(PlanLedgerApplication.class).run(all);
    }

    @Test
    void axonserver_events_and_mongodb_read_models_wire_their_declared_stores() throws Exception {
        try (TestMongo mongo = TestMongo.withLookupsBuilt(); ConfigurableApplicationContext app = start(
                "--planledger.event-store=axonserver",
                "--axon.axonserver.servers=127.0.0.1:" + TestMongo.unusedPort(),
                "--planledger.read-store=mongodb", "--planledger.mongodb.uri=" + mongo.uri())) {
            assertThat(app.getEnvironment().getProperty("axon.axonserver.enabled")).isEqualTo("true");
            assertThat(app.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
            assertThat(app.getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
            assertThat(app.getBeansOfType(com.planledger.command.web.RefusalTranslatingCommandBus.class))
                    .as("the local segment behind Axon Server's bus translates failures where they happen")
                    .hasSize(1);
            assertThat(app.getBean(QueryBus.class)).isInstanceOf(AxonServerQueryBus.class);
            assertThat(app.getBean(TokenStore.class)).isInstanceOf(MongoTokenStore.class);
            assertThat(app.getBeansOfType(TokenStore.class)).hasSize(1);
            assertThat(app.getBeanNamesForType(DataSource.class)).as("no JDBC in this mode").isEmpty();
            assertThat(app.getBeanNamesForType(EventStorageEngine.class)).isEmpty();
            assertThat(app.getBeanNamesForType(MongoServer.class)).as("no embedded read store").isEmpty();
            assertThat(app.getBeanNamesForType(com.planledger.app.config.SoleCommandInstance.class))
                    .as("a shared read store takes any number of command instances").isEmpty();
            MongoClient client = app.getBean(MongoClient.class);
            assertThat(app.getBeanNamesForType(MongoClient.class)).hasSize(1);
            assertThat(client.getDatabase("planledger").getWriteConcern())
                    .isEqualTo(WriteConcern.MAJORITY.withJournal(true));
            // indexes are created at start, and the read models use the configured database
            assertThat(client.getDatabase("planledger").listCollectionNames().into(new java.util.ArrayList<>()))
                    .contains("plans", "customers", "trackingtokens", "cmd_due");
        }
    }

    @Test
    void a_query_only_instance_loads_no_aggregate_and_a_command_only_instance_registers_no_projection() {
        try (ConfigurableApplicationContext query = start("--planledger.roles=query")) {
            assertThat(query.getBeanNamesForType(CommandDispatcher.class)).isEmpty();
            assertThat(query.containsBean("planRepository")).isFalse();
            assertThat(query.containsBean("customerRepository")).isFalse();
            assertThat(query.getBeansOfType(ReadModel.class)).hasSize(3);
            EventProcessingConfiguration processing = query.getBean(EventProcessingConfiguration.class);
            assertThat(processing.eventProcessors().keySet())
                    .containsExactlyInAnyOrder("plan-catalog", "customers", "dashboard");
        }
        try (ConfigurableApplicationContext command = start("--planledger.roles=command")) {
            assertThat(command.getBeanNamesForType(CommandDispatcher.class)).hasSize(1);
            assertThat(command.containsBean("planRepository")).isTrue();
            assertThat(command.containsBean("customerRepository")).isTrue();
            assertThat(command.getBeansOfType(ReadModel.class)).isEmpty();
            EventProcessingConfiguration processing = command.getBean(EventProcessingConfiguration.class);
            assertThat(processing.eventProcessors().keySet())
                    .containsExactlyInAnyOrder("command-lookups", "recommendation-policy");
        }
    }

    @Test
    void a_role_that_names_neither_side_stops_the_start_with_the_setting_named() {
        assertThatThrownBy(() -> start("--planledger.roles=qurey").close())
                .hasStackTraceContaining("planledger.roles must name command, query or both");
    }
}
