package com.planledger.app;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A start that fails ends the process with a non-zero status, even when a library already started a thread that
 * would keep the JVM alive (as Axon's {@code axon-janitor} did in a command-only instance on Axon Server): the
 * service runs in a JVM of its own here, as in production, with such a thread added
 * ({@link LingeringThread}).
 */
class FailedStartTest {

    @TempDir
    Path dataDir;

    @Test
    void a_command_instance_whose_start_fails_exits_non_zero_within_seconds() throws Exception {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        String uri = "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort();
        // the lookups count as built, so the start does not wait to read the (unreachable) event store
        try (MongoClient client = MongoClients.create(uri)) {
            client.getDatabase("planledger").getCollection("cmd_lookups_meta")
                    .insertOne(new Document("_id", "lookups-built").append("at", new Date()));
        }
        Path log = dataDir.resolve("service.log");
        // the HTTP port is taken: the start fails after Axon and its connector are up
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Process service = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), PlanLedgerApplication.class.getName(),
                    "--server.address=127.0.0.1", "--server.port=" + taken.getLocalPort(),
                    "--planledger.data-dir=" + dataDir.resolve("data"),
                    "--planledger.security.api-keys=ops:" + EndToEndTest.ADMIN_KEY + ":ADMIN",
                    "--planledger.roles=command", "--planledger.event-store=axonserver",
                    "--axon.axonserver.servers=127.0.0.1:" + unusedPort(),
                    "--planledger.read-store=mongodb", "--planledger.mongodb.uri=" + uri,
                    "--spring.main.sources=" + LingeringThread.class.getName()))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean exited = service.waitFor(60, TimeUnit.SECONDS);
            if (!exited) {
                service.destroyForcibly().waitFor();
            }
            String output = Files.readString(log);
            assertThat(exited).as("the process ended by itself:\n" + tail(output)).isTrue();
            assertThat(service.exitValue()).as(tail(output)).isNotZero();
            assertThat(output).contains("APPLICATION FAILED TO START").contains("Port " + taken.getLocalPort());
        } finally {
            mongo.shutdownNow();
        }
    }

    /** A non-daemon thread that never ends, started with the context, as a library's worker would be. */
    @Configuration(proxyBeanMethods = false)
    public static class LingeringThread {

        @Bean
        public Thread lingeringThread() {
            Thread thread = new Thread(() -> {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "lingering-worker");
            thread.setDaemon(false);
            thread.start();
            return thread;
        }
    }

    private static String tail(String output) {
        return output.length() <= 4000 ? output : output.substring(output.length() - 4000);
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
