package com.planledger.query.invoices;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.planledger.domain.billing.InvoiceLine;
import com.planledger.domain.billing.InvoiceReason;
import com.planledger.domain.billing.InvoiceTax;
import com.planledger.domain.customer.InvoiceIssuedEvent;
import com.planledger.domain.query.InvoiceView;
import org.bson.Document;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An invoice folded from its issue and the payments that settled it: the invoices read model's document. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class InvoiceRecord {

    String number;
    String partnerId;
    String customerId;
    long sequence;
    InvoiceReason reason;
    String currency;
    Instant issuedAt;
    Instant dueAt;
    List<InvoiceLine> lines;
    BigDecimal subtotal;
    InvoiceTax tax;
    BigDecimal total;
    BigDecimal creditApplied;
    BigDecimal amountPaid;
    BigDecimal amountDue;

    static InvoiceRecord issued(InvoiceIssuedEvent e) {
        InvoiceRecord record = new InvoiceRecord();
        record.number = e.number();
        record.partnerId = e.partnerId();
        record.customerId = e.customerId();
        record.sequence = e.sequence();
        record.reason = e.reason();
        record.currency = e.currency();
        record.issuedAt = e.issuedAt();
        record.dueAt = e.dueAt();
        record.lines = e.lines();
        record.subtotal = e.subtotal();
        record.tax = e.tax();
        record.total = e.total();
        record.creditApplied = e.creditApplied();
        record.amountPaid = e.creditApplied();
        record.amountDue = e.amountDue();
        return record;
    }

    /** The invoice after {@code amount} of a payment settled part of it. */
    InvoiceRecord paid(BigDecimal amount) {
        amountPaid = amountPaid.add(amount);
        amountDue = amountDue.subtract(amount).max(BigDecimal.ZERO.setScale(amountDue.scale()));
        return this;
    }

    boolean open() {
        return amountDue.signum() > 0;
    }

    public String customerId() {
        return customerId;
    }

    public String partnerId() {
        return partnerId;
    }

    public String currency() {
        return currency;
    }

    public BigDecimal amountDue() {
        return amountDue;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public InvoiceView toView(Instant now) {
        boolean open = open();
        return new InvoiceView(number, partnerId, customerId, currency, issuedAt, dueAt,
                open ? InvoiceView.OPEN : InvoiceView.PAID, open && !dueAt.isAfter(now), reason, lines, subtotal,
                tax, total, creditApplied, amountPaid, amountDue, sequence);
    }

    /** The stored query fields beside the record. */
    static Document queryFields(InvoiceRecord record) {
        return new Document("statusKey", record.open() ? InvoiceView.OPEN : InvoiceView.PAID)
                .append("dueAtMs", record.dueAt.toEpochMilli())
                .append("issuedAtMs", record.issuedAt.toEpochMilli());
    }
}
