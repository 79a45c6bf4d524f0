package com.planledger.query.web;

import com.planledger.domain.DomainException;
import com.planledger.domain.ErrorCode;
import com.planledger.domain.plan.PlanStatus;
import com.planledger.domain.plan.PlanType;
import com.planledger.domain.plan.Visibility;
import com.planledger.domain.query.FindPlanQuery;
import com.planledger.domain.query.ListPlansQuery;
import com.planledger.domain.query.PageRequest;
import com.planledger.domain.query.PlanPage;
import com.planledger.domain.query.PlanView;
import com.planledger.domain.query.PricingPageQuery;
import com.planledger.domain.query.PricingPageView;
import com.planledger.query.catalog.PlanCatalogQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Optional;

/** Reads of the plan catalog: list, detail (optionally as of an instant), pricing page. */
@RestController
@Tag(name = "Plans (reads)")
public class PlanQueryController {

    private final Queries queries;

    public PlanQueryController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping("/v1/partners/{partnerId}/plans")
    @Operation(summary = "List the partner's plans; q matches name or display name (case-insensitive)")
    public PlanPage list(@PathVariable String partnerId,
                         @RequestParam(required = false) String q,
                         @RequestParam(required = false) PlanType type,
                         @RequestParam(required = false) PlanStatus status,
                         @RequestParam(required = false) Visibility visibility,
                         @RequestParam(required = false) Boolean archived,
                         @RequestParam(defaultValue = "0") int page,
                         @RequestParam(defaultValue = "50") int size,
                         @RequestParam(required = false) String sort) {
        PageRequest paging = PageRequest.of(page, size, sort, "name", PlanCatalogQueries.SORTS);
        return queries.ask(new ListPlansQuery(partnerId, q, type, status, visibility, archived, paging),
                PlanPage.class);
    }

    @GetMapping("/v1/partners/{partnerId}/plans/{planId}")
    @Operation(summary = "A plan's current state and revisions; with asOf, the state it had at that instant")
    public ResponseEntity<PlanView> find(@PathVariable String partnerId, @PathVariable String planId,
                                         @RequestParam(required = false) Instant asOf) {
        Optional<PlanView> plan = queries.ask(new FindPlanQuery(partnerId, planId, asOf),
                ResponseTypes.optionalInstanceOf(PlanView.class));
        PlanView view = plan.orElseThrow(() -> new DomainException(ErrorCode.PLAN_NOT_FOUND, "planId",
                asOf == null ? "no plan " + planId : "plan " + planId + " did not exist at " + asOf));
        return ResponseEntity.ok().eTag("\"" + view.version() + "\"").body(view);
    }

    @GetMapping("/v1/partners/{partnerId}/pricing-page")
    @Operation(summary = "ACTIVE, PUBLIC, non-archived plans, the recommended one first")
    public PricingPageView pricingPage(@PathVariable String partnerId) {
        return queries.ask(new PricingPageQuery(partnerId), PricingPageView.class);
    }
}
