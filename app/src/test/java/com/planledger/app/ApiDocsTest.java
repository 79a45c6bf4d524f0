package com.planledger.app;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The API description is served, and describes the plan endpoints. */
class ApiDocsTest extends EndToEndTest {

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
