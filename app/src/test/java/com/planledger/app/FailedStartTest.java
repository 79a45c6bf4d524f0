package com.planledger.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
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
        Path log = dataDir.resolve("service.log");
        // the HTTP port is taken: the start fails after Axon and its connector are up
        try (TestMongo mongo = TestMongo.withLookupsBuilt();
             ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Process service = ServiceProcess.start(log, taken.getLocalPort(), List.of(
                    "--planledger.data-dir=" + dataDir.resolve("data"),
                    "--planledger.security.api-keys=ops:" + EndToEndTest.ADMIN_KEY + ":ADMIN",
                    "--planledger.roles=command", "--planledger.event-store=axonserver",
                    "--axon.axonserver.servers=127.0.0.1:" + TestMongo.unusedPort(),
                    "--planledger.read-store=mongodb", "--planledger.mongodb.uri=" + mongo.uri(),
                    "--spring.main.sources=" + LingeringThread.class.getName())).process();
            boolean exited = service.waitFor(60, TimeUnit.SECONDS);
            if (!exited) {
                service.destroyForcibly().waitFor();
            }
            String output = Files.readString(log);
            assertThat(exited).as("the process ended by itself:\n" + tail(output)).isTrue();
            assertThat(service.exitValue()).as(tail(output)).isNotZero();
            assertThat(output).contains("APPLICATION FAILED TO START").contains("Port " + taken.getLocalPort());
        }
    }

    /** A non-daemon thread that never ends, started with the context, as a library's worker would be. */
    @Configuration(proxyBeanMethods = false)
    public static class LingeringThread {

        @Bean
        public Thread lingeringThread() {
            CountDownLatch never = new CountDownLatch(1);
            Thread thread = new Thread(() -> {
                try {
                    never.await();
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
}
