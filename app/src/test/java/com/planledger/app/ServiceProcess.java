package com.planledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The service in a JVM of its own, started from the test classpath as {@code java ... PlanLedgerApplication} would
 * be in production, so that it can be killed with SIGKILL, stopped with SIGTERM and timed.
 */
final class ServiceProcess {

    private final Process process;
    private final Path log;
    private final int port;

    private ServiceProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the service with {@code args} (Spring arguments), its output in {@code log}. */
    static ServiceProcess start(Path log, int port, List<String> args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
                "-cp", System.getProperty("java.class.path"), PlanLedgerApplication.class.getName(),
                "--server.address=127.0.0.1", "--server.port=" + port));
        command.addAll(args);
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return new ServiceProcess(process, log, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the embedded default on {@code dataDir} with one ADMIN key. */
    static ServiceProcess embedded(Path dataDir, String adminKey) {
        return start(dataDir.resolveSibling(dataDir.getFileName() + ".log"), TestMongo.unusedPort(), List.of(
                "--planledger.data-dir=" + dataDir,
                "--planledger.security.api-keys=ops:" + adminKey + ":ADMIN"));
    }

    int port() {
        return port;
    }

    Process process() {
        return process;
    }

    /** Waits until the service answers ready, failing with its log's tail when it ends or takes too long. */
    ServiceProcess awaitReady(Duration timeout) {
        Api api = Api.at(port, "");
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(200)).ignoreException(UncheckedIOException.class)
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new AssertionError("the service ended with " + process.exitValue() + ":\n"
                                    + tail());
                        }
                        return api.get("/actuator/health/readiness").status() == 200;
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the service was not ready within " + timeout + ":\n" + tail(), e);
        }
        return this;
    }

    /** Waits until every read model's processor runs with no lag and no replay. */
    void awaitCaughtUp(Api admin, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(200))
                .alias("every read model's processor RUNNING, lag 0, not replaying")
                .until(() -> admin.get("/v1/admin/projections"), list -> {
                    boolean caughtUp = list.status() == 200;
                    for (JsonNode p : list.body()) {
                        caughtUp &= "RUNNING".equals(p.at("/status").asText()) && p.at("/lag").asLong() == 0
                                && !p.at("/replaying").asBoolean();
                    }
                    return caughtUp;
                });
    }

    /** SIGKILL: the process ends at once, mid-write, as in a crash. */
    void kill() {
        try {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM, waiting at most {@code timeout}; answers how long the stop took. */
    Duration stop(Duration timeout) {
        long start = System.nanoTime();
        process.destroy();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("SIGTERM did not stop the service within " + timeout + ":\n" + tail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    String tail() {
        try {
            String output = Files.exists(log) ? Files.readString(log) : "";
            return output.length() <= 6000 ? output : output.substring(output.length() - 6000);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
