package com.planledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API description is served, and describes what callers code against: every status with its body, problems
 * as problem+json, the write headers. It is written to {@code target/openapi.json} for {@code .ci/lint-openapi}.
 */
class ApiDocsTest extends EndToEndTest {

    @Test
    void every_operation_states_its_statuses_problems_and_headers() throws Exception {
        Api.Response docs = Api.at(port, null).get("/v3/api-docs");
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "openapi.json"), docs.text());
        assertThat(docs.text()).doesNotContain("*/*");
        assertThat(docs.body().at("/paths").has("/error")).isFalse();
        List<String> faults = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = docs.body().at("/paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                operations++;
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode responses = op.getValue().at("/responses");
                for (String status : List.of("400", "401", "403", "404")) {
                    if (!responses.at("/" + status + "/content/application~1problem+json/schema/$ref").asText()
                            .equals("#/components/schemas/Problem")) {
                        faults.add(name + ": no problem " + status);
                    }
                }
                List<String> parameters = new ArrayList<>();
                op.getValue().at("/parameters").forEach(p -> parameters.add(p.at("/name").asText()));
                boolean partnerWrite = path.getKey().startsWith("/v1/partners")
                        && List.of("post", "put").contains(op.getKey());
                if (partnerWrite && !parameters.contains("Idempotency-Key")) {
                    faults.add(name + ": no Idempotency-Key");
                }
                if (partnerWrite && !responses.has("202")) {
                    faults.add(name + ": no 202 for a consistency wait that ran out");
                }
                if (parameters.contains("If-Match") && !responses.has("412")) {
                    faults.add(name + ": If-Match without 412");
                }
                if (responses.has("201") && !responses.at("/201/headers").has("Location")) {
                    faults.add(name + ": 201 without Location");
                }
            }
        }
        assertThat(faults).isEmpty();
        assertThat(operations).isGreaterThan(40);
        JsonNode plans = docs.body().at("/paths/~1v1~1partners~1{partnerId}~1plans/post/responses");
        assertThat(plans.has("201")).isTrue();
        assertThat(plans.has("200")).isFalse();
        assertThat(docs.body().at("/components/schemas/LimitsRequest/properties/contacts/$ref").asText())
                .isEqualTo("#/components/schemas/Limit");
        assertThat(docs.body().at("/paths/~1v1~1partners~1{partnerId}~1plans~1{planId}~1migrate-subscribers/post"
                + "/responses").has("202")).isTrue();
    }

    @Test
    void the_openapi_description_is_served_without_a_key() {
        Api.Response docs = Api.at(port, null).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().at("/paths").has("/v1/partners/{partnerId}/plans")).isTrue();
        assertThat(docs.body().at("/paths").has("/v1/partners/{partnerId}/plans/{planId}/duplicate")).isTrue();
        assertThat(docs.body().at("/paths").has("/v1/partners/{partnerId}/pricing-page")).isTrue();
        assertThat(docs.body().at("/components/securitySchemes/apiKey/scheme").asText()).isEqualTo("bearer");
        assertThat(Api.at(port, null).get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void health_is_served_without_a_key() {
        assertThat(Api.at(port, null).get("/actuator/health").at("/status")).isEqualTo("UP");
    }
}
