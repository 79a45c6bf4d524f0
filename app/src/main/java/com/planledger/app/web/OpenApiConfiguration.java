package com.planledger.app.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at {@code /v3/api-docs} (browsable at {@code /swagger-ui.html}). */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    public OpenAPI planLedgerOpenApi() {
        return new OpenAPI()
                .info(new Info().title("PlanLedger API").version("v1")
                        .description("Partner plans and customers, event-sourced. Errors are "
                                + "application/problem+json with a stable 'code'. Amounts are decimal strings; "
                                + "limits are whole numbers or \"UNLIMITED\"; times are ISO-8601 UTC. Writes "
                                + "accept Idempotency-Key and If-Match, and ?consistency=wait to answer once the "
                                + "read models applied them."))
                .components(new Components().addSecuritySchemes("apiKey", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("Authorization: Bearer <api key>")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }
}
