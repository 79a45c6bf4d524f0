package com.planledger.query.invoices;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.planledger.domain.billing.PaymentAllocation;
import com.planledger.domain.customer.InvoiceIssuedEvent;
import com.planledger.domain.customer.PaymentRecordedEvent;
import com.planledger.query.store.ReadModelStore;
import org.bson.Document;
import org.springframework.stereotype.Component;

import static com.mongodb.client.model.Filters.eq;

/**
 * The invoices and payments read models, written by the customers projection (one processing group, so a replay
 * of the customers rebuilds them together): one document per invoice, guarded by the customer's sequence number;
 * one document per payment, keyed by its reference.
 */
@Component
public class InvoiceLedger {

    public static final String INVOICES = "invoices";
    public static final String PAYMENTS = "payments";

    private final ReadModelStore store;

    public InvoiceLedger(ReadModelStore store) {
        this.store = store;
        createIndexes();
    }

    public void issued(InvoiceIssuedEvent event, long sequence) {
        store.fold(INVOICES, id(event.partnerId(), event.number()), sequence, InvoiceRecord.class,
                before -> InvoiceRecord.issued(event), InvoiceRecord::queryFields);
    }

    public void paid(PaymentRecordedEvent event, long sequence) {
        for (PaymentAllocation allocation : event.allocations()) {
            store.fold(INVOICES, id(event.partnerId(), allocation.number()), sequence, InvoiceRecord.class,
                    before -> before == null ? null : before.paid(allocation.amount()), InvoiceRecord::queryFields);
        }
        String id = event.partnerId() + ":" + event.customerId() + ":" + event.reference();
        store.collection(PAYMENTS).replaceOne(eq("_id", id), new Document("_id", id)
                        .append("partnerId", event.partnerId()).append("customerId", event.customerId())
                        .append("reference", event.reference()).append("currency", event.currency())
                        .append("amount", event.amount().toPlainString()).append("atMs", event.at().toEpochMilli()),
                new ReplaceOptions().upsert(true));
    }

    public static String id(String partnerId, String number) {
        return partnerId + ":" + number;
    }

    public void createIndexes() {
        var invoices = store.collection(INVOICES);
        invoices.createIndex(Indexes.ascending("partnerId", "sequence"), new IndexOptions().name("partner_sequence"));
        invoices.createIndex(Indexes.ascending("partnerId", "customerId"), new IndexOptions().name("partner_customer"));
        invoices.createIndex(Indexes.ascending("partnerId", "statusKey"), new IndexOptions().name("partner_status"));
        store.collection(PAYMENTS).createIndex(Indexes.ascending("partnerId", "atMs"),
                new IndexOptions().name("partner_at"));
    }
}
