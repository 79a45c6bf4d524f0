package com.planledger.query.invoices;

import com.planledger.domain.DomainException;
import com.planledger.domain.query.FindInvoiceQuery;
import com.planledger.domain.query.InvoicePage;
import com.planledger.domain.query.InvoiceView;
import com.planledger.domain.query.ListInvoicesQuery;
import com.planledger.domain.query.PageRequest;
import com.planledger.query.store.ReadModelStore;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

/** The invoices read model's queries. Always within one partner; newest first (by the partner's sequence). */
@Component
public class InvoiceQueries {

    private final ReadModelStore store;
    private final Clock clock;

    public InvoiceQueries(ReadModelStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @QueryHandler
    public InvoicePage list(ListInvoicesQuery query) {
        Instant now = clock.instant();
        List<Bson> filters = new ArrayList<>();
        filters.add(eq("partnerId", query.partnerId()));
        if (query.status() != null) {
            if (!InvoiceView.OPEN.equals(query.status()) && !InvoiceView.PAID.equals(query.status())) {
                throw DomainException.invalid("status", "must be OPEN or PAID");
            }
            filters.add(eq("statusKey", query.status()));
        }
        if (query.customerId() != null) {
            filters.add(eq("customerId", query.customerId()));
        }
        if (query.overdue() != null) {
            Bson overdue = and(eq("statusKey", InvoiceView.OPEN), lte("dueAtMs", now.toEpochMilli()));
            filters.add(query.overdue() ? overdue
                    : or(eq("statusKey", InvoiceView.PAID), gt("dueAtMs", now.toEpochMilli())));
        }
        Bson filter = and(filters);
        PageRequest page = query.page();
        List<InvoiceView> items = store.page(InvoiceLedger.INVOICES, filter, ReadModelStore.sort(page, "sequence"),
                page, InvoiceRecord.class).stream().map(invoice -> invoice.toView(now)).toList();
        return new InvoicePage(items, page.page(), page.size(),
                store.collection(InvoiceLedger.INVOICES).countDocuments(filter));
    }

    @QueryHandler
    public Optional<InvoiceView> find(FindInvoiceQuery query) {
        return Optional.ofNullable(store.find(InvoiceLedger.INVOICES, InvoiceLedger.id(query.partnerId(),
                query.number()), InvoiceRecord.class)).map(invoice -> invoice.toView(clock.instant()));
    }
}
