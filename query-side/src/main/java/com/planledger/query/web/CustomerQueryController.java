package com.planledger.query.web;

import com.planledger.domain.DomainException;
import com.planledger.domain.ErrorCode;
import com.planledger.domain.customer.CustomerState;
import com.planledger.domain.query.CustomerPage;
import com.planledger.domain.query.CustomerView;
import com.planledger.domain.query.EntitlementsQuery;
import com.planledger.domain.query.EntitlementsView;
import com.planledger.domain.query.FindCustomerQuery;
import com.planledger.domain.query.ListCustomersQuery;
import com.planledger.domain.query.PageRequest;
import com.planledger.domain.query.PlanSubscribersQuery;
import com.planledger.domain.query.PlanSubscribersView;
import com.planledger.domain.query.VisiblePlansQuery;
import com.planledger.domain.query.VisiblePlansView;
import com.planledger.query.customers.CustomerQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Set;

/** Reads of customers: list, detail (optionally as of an instant), visible plans, entitlements; plan subscribers. */
@RestController
@Tag(name = "Customers (reads)")
public class CustomerQueryController {

    private final Queries queries;

    public CustomerQueryController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping("/v1/partners/{partnerId}/customers")
    @Operation(summary = "List the partner's customers; q matches company name or e-mail (case-insensitive)")
    public CustomerPage list(@PathVariable String partnerId,
                             @RequestParam(required = false) String q,
                             @RequestParam(required = false) CustomerState status,
                             @RequestParam(required = false) String planId,
                             @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "50") int size,
                             @RequestParam(required = false) String sort) {
        PageRequest paging = PageRequest.of(page, size, sort, "companyName", CustomerQueries.SORTS);
        return queries.ask(new ListCustomersQuery(partnerId, q, status, planId, paging), CustomerPage.class);
    }

    @GetMapping("/v1/partners/{partnerId}/customers/{customerId}")
    @Operation(summary = "Profile, subscription, blocks, users, add-ons; with asOf, as it was at that instant")
    public ResponseEntity<CustomerView> find(@PathVariable String partnerId, @PathVariable String customerId,
                                             @RequestParam(required = false) Instant asOf) {
        CustomerView view = queries.ask(new FindCustomerQuery(partnerId, customerId, asOf),
                        ResponseTypes.optionalInstanceOf(CustomerView.class))
                .orElseThrow(() -> notFound(customerId, asOf));
        return ResponseEntity.ok().eTag("\"" + view.version() + "\"").body(view);
    }

    @GetMapping("/v1/partners/{partnerId}/customers/{customerId}/visible-plans")
    @Operation(summary = "The pricing page plus the customer's own plan flagged current (even archived, inactive "
            + "or private)")
    public VisiblePlansView visiblePlans(@PathVariable String partnerId, @PathVariable String customerId) {
        return queries.ask(new VisiblePlansQuery(partnerId, customerId),
                ResponseTypes.optionalInstanceOf(VisiblePlansView.class)).orElseThrow(() -> notFound(customerId, null));
    }

    @GetMapping("/v1/partners/{partnerId}/customers/{customerId}/entitlements")
    @Operation(summary = "Effective limits, usage this period, what remains, and whether service is allowed")
    public EntitlementsView entitlements(@PathVariable String partnerId, @PathVariable String customerId) {
        return queries.ask(new EntitlementsQuery(partnerId, customerId),
                ResponseTypes.optionalInstanceOf(EntitlementsView.class)).orElseThrow(() -> notFound(customerId, null));
    }

    @GetMapping("/v1/partners/{partnerId}/plans/{planId}/subscribers")
    @Operation(summary = "The customers on a plan: counts per revision and a page of them")
    public PlanSubscribersView subscribers(@PathVariable String partnerId, @PathVariable String planId,
                                           @RequestParam(defaultValue = "0") int page,
                                           @RequestParam(defaultValue = "50") int size) {
        PageRequest paging = PageRequest.of(page, size, null, "planRevision", Set.of());
        return queries.ask(new PlanSubscribersQuery(partnerId, planId, paging),
                ResponseTypes.optionalInstanceOf(PlanSubscribersView.class)).orElseThrow(() ->
                new DomainException(ErrorCode.PLAN_NOT_FOUND, "planId", "no plan " + planId));
    }

    private static DomainException notFound(String customerId, Instant asOf) {
        return new DomainException(ErrorCode.CUSTOMER_NOT_FOUND, "customerId", asOf == null
                ? "no customer " + customerId : "customer " + customerId + " did not exist at " + asOf);
    }
}
