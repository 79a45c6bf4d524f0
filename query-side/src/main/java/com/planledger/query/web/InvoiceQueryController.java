package com.planledger.query.web;

import com.planledger.domain.DomainException;
import com.planledger.domain.ErrorCode;
import com.planledger.domain.query.InvoicePage;
import com.planledger.domain.query.InvoiceView;
import com.planledger.domain.query.ListInvoicesQuery;
import com.planledger.domain.query.FindInvoiceQuery;
import com.planledger.domain.query.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Set;

/** Reads of invoices: the partner's list (by status, customer, overdue), one invoice, a customer's invoices. */
@RestController
@Tag(name = "Invoices (reads)")
public class InvoiceQueryController {

    private final Queries queries;

    public InvoiceQueryController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping("/v1/partners/{partnerId}/invoices")
    @Operation(summary = "The partner's invoices, newest first; status OPEN or PAID, customerId, overdue=true")
    public InvoicePage list(@PathVariable String partnerId,
                            @RequestParam(required = false) String status,
                            @RequestParam(required = false) String customerId,
                            @RequestParam(required = false) Boolean overdue,
                            @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "50") int size) {
        return queries.ask(new ListInvoicesQuery(partnerId, status, customerId, overdue, newestFirst(page, size)),
                InvoicePage.class);
    }

    @GetMapping("/v1/partners/{partnerId}/invoices/{number}")
    @Operation(summary = "One invoice by its number")
    public InvoiceView find(@PathVariable String partnerId, @PathVariable String number) {
        return queries.ask(new FindInvoiceQuery(partnerId, number),
                ResponseTypes.optionalInstanceOf(InvoiceView.class)).orElseThrow(() ->
                new DomainException(ErrorCode.INVOICE_NOT_FOUND, "number", "no invoice " + number));
    }

    @GetMapping("/v1/partners/{partnerId}/customers/{customerId}/invoices")
    @Operation(summary = "The customer's invoices, newest first")
    public InvoicePage ofCustomer(@PathVariable String partnerId, @PathVariable String customerId,
                                  @RequestParam(defaultValue = "0") int page,
                                  @RequestParam(defaultValue = "50") int size) {
        return queries.ask(new ListInvoicesQuery(partnerId, null, customerId, null, newestFirst(page, size)),
                InvoicePage.class);
    }

    private static PageRequest newestFirst(int page, int size) {
        PageRequest checked = PageRequest.of(page, size, null, "sequence", Set.of());
        return new PageRequest(checked.page(), checked.size(), "sequence", false);
    }
}
