package com.planledger.app;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production topology as {@code docker-compose.yml} declares it: pinned images, health checks, dependencies
 * waited for, the command and query sides as separate services of the same build. Where a Docker client with
 * Compose is installed, {@code docker compose config} must accept the file too.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("..");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        return (Map<String, Object>) compose.get("services");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_compose_file_declares_the_production_topology() throws IOException {
        Map<String, Object> services = services();
        assertThat(services).containsKeys("axonserver", "mongodb", "command", "query", "prometheus", "grafana");
        for (String name : List.of("axonserver", "mongodb", "prometheus", "grafana")) {
            String image = (String) ((Map<String, Object>) services.get(name)).get("image");
            assertThat(image).as(name).contains(":").doesNotEndWith(":latest");
        }
        for (String name : List.of("axonserver", "mongodb", "command", "query")) {
            assertThat((Map<String, Object>) services.get(name)).as(name).containsKey("healthcheck");
        }
        assertThat(String.valueOf(((Map<String, Object>) services.get("mongodb")).get("command")))
                .contains("--replSet");
        for (String side : List.of("command", "query")) {
            Map<String, Object> service = (Map<String, Object>) services.get(side);
            assertThat(service.get("build")).isEqualTo(".");
            Map<String, Object> dependsOn = (Map<String, Object>) service.get("depends_on");
            assertThat(dependsOn).containsKeys("axonserver", "mongodb");
            dependsOn.values().forEach(d -> assertThat((Map<String, Object>) d)
                    .containsEntry("condition", "service_healthy"));
            Map<String, Object> environment = (Map<String, Object>) service.get("environment");
            assertThat(environment).containsEntry("PLANLEDGER_ROLES", side)
                    .containsEntry("PLANLEDGER_EVENT_STORE", "axonserver")
                    .containsEntry("PLANLEDGER_READ_STORE", "mongodb");
        }
        assertThat((List<String>) ((Map<String, Object>) services.get("grafana")).get("profiles"))
                .containsExactly("monitoring");
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertThat(dockerfile.lines().filter(l -> l.startsWith("FROM "))).hasSize(2);
        assertThat(dockerfile).contains("./mvnw").contains("HEALTHCHECK");
        assertThat(ROOT.resolve("deploy/grafana/dashboards/planledger.json")).exists();
    }

    @Test
    void docker_compose_config_accepts_the_file_where_compose_is_installed() throws Exception {
        List<String> compose = composeCommand();
        Assumptions.assumeTrue(compose != null, "no Docker Compose client on this machine");
        ProcessBuilder config = new ProcessBuilder(concat(compose, List.of("config", "-q")))
                .directory(ROOT.toFile()).redirectErrorStream(true);
        config.environment().put("PLANLEDGER_API_KEYS", "ops:0123456789abcdef:ADMIN");
        Process process = config.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    private static List<String> composeCommand() {
        for (List<String> candidate : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
            try {
                Process probe = new ProcessBuilder(concat(candidate, List.of("version"))).redirectErrorStream(true)
                        .start();
                probe.getInputStream().readAllBytes();
                if (probe.waitFor(20, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                    return candidate;
                }
            } catch (IOException | InterruptedException e) {
                // not installed
            }
        }
        return null;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
