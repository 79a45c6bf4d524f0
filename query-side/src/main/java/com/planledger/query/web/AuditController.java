package com.planledger.query.web;

import com.planledger.domain.DomainException;
import com.planledger.domain.ErrorCode;
import com.planledger.domain.query.HistoryQuery;
import com.planledger.domain.query.HistoryView;
import com.planledger.domain.query.PageRequest;
import com.planledger.query.audit.PartnerEventExport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Audit: a plan's or customer's history with field-level changes, and the partner's events as NDJSON. */
@RestController
@Tag(name = "Audit")
public class AuditController {

    public static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final Queries queries;
    private final PartnerEventExport export;

    public AuditController(Queries queries, PartnerEventExport export) {
        this.queries = queries;
        this.export = export;
    }

    @GetMapping("/v1/partners/{partnerId}/plans/{planId}/history")
    @Operation(summary = "Every event of the plan in order: type, revision, actor, time, changed fields before/after")
    public HistoryView planHistory(@PathVariable String partnerId, @PathVariable String planId,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "500") int size) {
        return history("Plan", partnerId, planId, page, size, ErrorCode.PLAN_NOT_FOUND);
    }

    @GetMapping("/v1/partners/{partnerId}/customers/{customerId}/history")
    @Operation(summary = "Every event of the customer in order: type, actor, time, changed fields before/after")
    public HistoryView customerHistory(@PathVariable String partnerId, @PathVariable String customerId,
                                       @RequestParam(defaultValue = "0") int page,
                                       @RequestParam(defaultValue = "500") int size) {
        return history("Customer", partnerId, customerId, page, size, ErrorCode.CUSTOMER_NOT_FOUND);
    }

    private HistoryView history(String type, String partnerId, String id, int page, int size, ErrorCode notFound) {
        PageRequest paging = new PageRequest(page, size, "sequence", true);
        return queries.ask(new HistoryQuery(type, partnerId, id, paging),
                ResponseTypes.optionalInstanceOf(HistoryView.class))
                .orElseThrow(() -> new DomainException(notFound, "id", "no " + type.toLowerCase() + " " + id));
    }

    @GetMapping(value = "/v1/partners/{partnerId}/events", produces = "application/x-ndjson")
    @Operation(summary = "The partner's events in order as NDJSON (from and to are instants; type is a comma-separated"
            + " list of event types), streamed")
    public ResponseEntity<StreamingResponseBody> events(@PathVariable String partnerId,
                                                        @RequestParam(required = false) Instant from,
                                                        @RequestParam(required = false) Instant to,
                                                        @RequestParam(required = false) String type) {
        if (from != null && to != null && to.isBefore(from)) {
            throw DomainException.invalid("to", "must not be before from");
        }
        Set<String> types = type == null || type.isBlank() ? Set.of()
                : Arrays.stream(type.split(",")).map(String::strip).filter(t -> !t.isEmpty())
                .collect(Collectors.toSet());
        StreamingResponseBody body = out -> export.write(partnerId, from, to, types, out);
        return ResponseEntity.ok().contentType(NDJSON).body(body);
    }
}
