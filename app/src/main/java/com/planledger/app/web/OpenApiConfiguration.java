package com.planledger.app.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The OpenAPI description served at {@code /v3/api-docs} (browsable at {@code /swagger-ui.html}), as callers code
 * against it: every status an operation answers with (the success one, 202 when a {@code consistency=wait}
 * write was not applied in time, and each problem with its {@code application/problem+json} body), the
 * {@code Idempotency-Key} header of writes, limits as a number or {@code "UNLIMITED"}, and no servlet error
 * path. {@code .ci/lint-openapi} lints it with Spectral's {@code spectral:oas} rules.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    private static final String JSON = "application/json";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final Map<String, String> TAGS = Map.of(
            "Plans", "A partner's subscription plans: create, revise, duplicate, activate, archive, recommend",
            "Customers", "A partner's customers: registration, plans, payments, blocks, users, add-ons, usage",
            "Migrations", "Moving a plan's subscribers to its latest revision",
            "Plan catalog", "Reads of plans, the pricing page and subscribers",
            "Customer reads", "Reads of customers, entitlements and visible plans",
            "Dashboard", "A partner's dashboard, read once or streamed",
            "Invoices", "A partner's invoices",
            "Audit", "Histories and the partner's event export",
            "Admin", "Read models and command-side lookups, for operators");

    @Bean
    public OpenAPI planLedgerOpenApi() {
        return new OpenAPI()
                .info(new Info().title("PlanLedger API").version("v1")
                        .description("Partner plans and customers, event-sourced. Errors are "
                                + "application/problem+json with a stable 'code'. Amounts are decimal strings; "
                                + "limits are whole numbers or \"UNLIMITED\"; times are ISO-8601 UTC. Writes "
                                + "accept Idempotency-Key and If-Match, and ?consistency=wait to answer once the "
                                + "read models applied them.")
                        .contact(new Contact().name("PlanLedger").url("https://planledger.example/docs"))
                        .license(new License().name("Proprietary").url("https://planledger.example/license")))
                .components(new Components().addSecuritySchemes("apiKey", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("Authorization: Bearer <api key>")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }

    /** Statuses, problems, headers, tags and schemas the annotations do not say. */
    @Bean
    public OpenApiCustomizer callersDescription() {
        return api -> {
            api.getPaths().remove("/error");
            api.servers(List.of(new Server().url("http://127.0.0.1:8080").description("a local instance")));
            Components components = api.getComponents();
            components.addSchemas("Problem", problemSchema());
            // the error handler's own record; the Problem schema above describes its body
            components.getSchemas().remove("FieldError");
            // the stream endpoints' Java return types, described as text below
            components.getSchemas().remove("StreamingResponseBody");
            components.getSchemas().remove("SseEmitter");
            components.addSchemas("Limit", limitSchema());
            api.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> describe(path, method, operation)));
            components.getSchemas().values().forEach(OpenApiConfiguration::limitsAsLimit);
            TreeSet<String> used = new TreeSet<>();
            api.getPaths().values().forEach(item -> item.readOperations().forEach(op -> {
                if (op.getTags() != null) {
                    used.addAll(op.getTags());
                }
            }));
            List<Tag> tags = new ArrayList<>();
            used.forEach(name -> tags.add(new Tag().name(name).description(TAGS.getOrDefault(name, name))));
            api.setTags(tags);
        };
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        boolean read = method == PathItem.HttpMethod.GET;
        boolean admin = path.startsWith("/v1/admin");
        if (operation.getDescription() == null && operation.getSummary() != null) {
            operation.setDescription(operation.getSummary() + ".");
        }
        ApiResponses responses = operation.getResponses();
        responses.values().forEach(OpenApiConfiguration::concreteMediaTypes);
        ApiResponse created = responses.get("201");
        if (created != null) {
            created.addHeaderObject("Location", location("Where the created resource reads"));
        }
        ApiResponse success = responses.values().stream().findFirst().orElse(null);
        if (success != null && (success.getDescription() == null || success.getDescription().isBlank())) {
            success.setDescription("OK");
        }
        if (!read && !admin && !responses.containsKey("202")) {
            ApiResponse accepted = new ApiResponse().description("Stored, but with ?consistency=wait the read "
                    + "models did not apply it in time; the same body").content(success == null ? null
                    : success.getContent());
            responses.addApiResponse("202", accepted);
        }
        Map<String, String> problems = new LinkedHashMap<>();
        problems.put("400", "Malformed or invalid input (every field at fault in errors)");
        problems.put("401", "No or an unknown API key");
        problems.put("403", read ? "The key's role may not read this" : "The key's role may not do this");
        problems.put("404", "No such resource for this partner (another partner's data answers the same)");
        boolean ifMatch = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()));
        if (!read) {
            problems.put("409", "Refused by a rule or a concurrent change; code says which");
            if (ifMatch) {
                problems.put("412", "If-Match names another version than the current one");
            }
            if (!admin) {
                problems.put("413", "The request body is larger than the limit");
                problems.put("415", "The request body is not application/json");
                problems.put("422", "The Idempotency-Key was used before with another request");
            }
        }
        problems.put("503", "A store is out of reach; retry later");
        problems.forEach((status, description) -> {
            if (!responses.containsKey(status)) {
                responses.addApiResponse(status, problem(description));
            }
        });
        if (!read && !admin && (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT)) {
            boolean declared = operation.getParameters() != null && operation.getParameters().stream()
                    .anyMatch(p -> IdempotencyFilter.HEADER.equalsIgnoreCase(p.getName()));
            if (!declared) {
                operation.addParametersItem(idempotencyKey());
            }
        }
        if (operation.getParameters() != null) {
            operation.getParameters().stream().filter(p -> "If-Match".equalsIgnoreCase(p.getName()))
                    .forEach(p -> p.description("The aggregate version the write expects (3 or \"3\"): "
                            + "412 when it is another"));
        }
    }

    /**
     * Springdoc answers {@code *}{@code /*} for responses without a declared media type: they are JSON. Streams
     * are text: NDJSON lines of events, server-sent events of dashboards.
     */
    private static void concreteMediaTypes(ApiResponse response) {
        Content content = response.getContent();
        if (content == null) {
            return;
        }
        if (content.containsKey("*/*")) {
            MediaType any = content.remove("*/*");
            content.addMediaType(JSON, any);
        }
        if (content.containsKey("application/x-ndjson")) {
            content.get("application/x-ndjson").schema(new StringSchema()
                    .description("one JSON object per line, one line per event (docs/api.md, export line shape)"));
        }
        if (content.containsKey("text/event-stream")) {
            content.get("text/event-stream").schema(new StringSchema()
                    .description("server-sent events named dashboard, each with the dashboard as JSON"));
        }
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(Problem.MEDIA_TYPE,
                new MediaType().schema(new Schema<>().$ref(PROBLEM_REF))));
    }

    private static Parameter idempotencyKey() {
        return new HeaderParameter().name(IdempotencyFilter.HEADER).required(false)
                .description("Any 1 to 200 visible ASCII characters. A retry with the same key and body answers the "
                        + "first answer again without doing the write twice; the same key with another request is 422 "
                        + "(IDEMPOTENCY_KEY_REUSED), and one still in progress is 409")
                .schema(new StringSchema().minLength(1).maxLength(200).pattern("^[\\x21-\\x7E]{1,200}$")
                        .example("3f1c2a8e-8d1f-4c0b-9a57-6c0f1d2e3b4a"));
    }

    private static Schema<?> problemSchema() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema().example("prices.MONTHLY"));
        fieldError.addProperty("message", new StringSchema().example("must be at least 0"));
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details with the service's stable code");
        problem.addProperty("type", new StringSchema().example("urn:planledger:problem:plan-not-found"));
        problem.addProperty("title", new StringSchema().example("Plan not found"));
        problem.addProperty("status", new IntegerSchema().example(404));
        problem.addProperty("detail", new StringSchema().example("planId: no plan gold"));
        problem.addProperty("code", new StringSchema().example("PLAN_NOT_FOUND"));
        problem.addProperty("errors", new ArraySchema().items(fieldError));
        problem.addProperty("instance", new StringSchema().example("/v1/partners/acme/plans/gold"));
        problem.addProperty("requestId", new StringSchema().example("b49341ca-1ed2-4485-858f-378ae815bfbe"));
        problem.required(List.of("type", "title", "status", "code"));
        return problem;
    }

    private static Schema<?> limitSchema() {
        Schema<Object> limit = new Schema<>();
        limit.description("A whole number >= 0, or \"UNLIMITED\"");
        limit.oneOf(List.of(new IntegerSchema().format("int64").minimum(java.math.BigDecimal.ZERO).example(10000),
                new StringSchema()._enum(List.of("UNLIMITED"))));
        return limit;
    }

    /** The limits' properties (typed as strings by their annotations) as the Limit schema. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void limitsAsLimit(Schema schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null || !properties.containsKey("contacts") || !properties.containsKey("messages")) {
            return;
        }
        for (String name : List.of("messages", "whatsappConversations", "teamMembers", "workspaces",
                "teamUsersPerWorkspace", "contacts")) {
            if (properties.containsKey(name)) {
                properties.put(name, new Schema<>().$ref("#/components/schemas/Limit"));
            }
        }
    }

    private static Header location(String description) {
        return new Header().description(description).schema(new StringSchema().format("uri"));
    }
}
