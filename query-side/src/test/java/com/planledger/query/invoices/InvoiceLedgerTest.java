package com.planledger.query.invoices;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.planledger.domain.billing.InvoiceLine;
import com.planledger.domain.billing.InvoiceLineKind;
import com.planledger.domain.billing.InvoiceReason;
import com.planledger.domain.billing.InvoiceTax;
import com.planledger.domain.billing.PaymentAllocation;
import com.planledger.domain.customer.InvoiceIssuedEvent;
import com.planledger.domain.customer.PaymentRecordedEvent;
import com.planledger.domain.query.FindInvoiceQuery;
import com.planledger.domain.query.InvoiceView;
import com.planledger.domain.query.ListInvoicesQuery;
import com.planledger.domain.query.PageRequest;
import com.planledger.domain.time.MutableClock;
import com.planledger.query.store.ReadModelStore;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invoices read model's fold: an invoice from its issue and the payments that settled it, each event applied
 * once (a batch delivered again after a crash changes nothing), OPEN and overdue computed by the domain clock.
 */
class InvoiceLedgerTest {

    static final Instant T0 = Instant.parse("2027-01-31T09:00:00Z");
    static final Instant END = Instant.parse("2027-02-28T09:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private ReadModelStore store;
    private InvoiceLedger ledger;
    private InvoiceQueries queries;
    private final MutableClock clock = new MutableClock(T0);

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        store = new ReadModelStore(client.getDatabase("readmodels"));
        ledger = new InvoiceLedger(store);
        queries = new InvoiceQueries(store, clock);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    /** Gold at 499.00 + 18 % GST = 588.82, issued at {@code at} and due at once. */
    static InvoiceIssuedEvent invoice(long sequence, Instant at, String total, String creditApplied, String due) {
        return new InvoiceIssuedEvent("c", "p", "INV-" + sequence, "INV-", sequence, InvoiceReason.RENEWAL, "INR",
                at, at, List.of(new InvoiceLine(InvoiceLineKind.PLAN, "gold", 1, new BigDecimal("499.00"),
                new BigDecimal("499.00"), at, END)), new BigDecimal("499.00"),
                new InvoiceTax(new BigDecimal("18"), false, new BigDecimal("89.82")), new BigDecimal(total),
                new BigDecimal(creditApplied), new BigDecimal(due), BigDecimal.ZERO.setScale(2));
    }

    static PaymentRecordedEvent payment(String reference, String amount, PaymentAllocation... allocations) {
        return new PaymentRecordedEvent("c", "p", new BigDecimal(amount), "INR", reference, T0.plusSeconds(60),
                List.of(allocations), BigDecimal.ZERO.setScale(2));
    }

    static PaymentAllocation settles(String number, String amount) {
        return new PaymentAllocation(number, new BigDecimal(amount));
    }

    private InvoiceView invoice(String number) {
        return queries.find(new FindInvoiceQuery("p", number)).orElseThrow();
    }

    private List<String> numbers(String status, Boolean overdue) {
        return queries.list(new ListInvoicesQuery("p", status, "c", overdue, new PageRequest(0, 50, null, true)))
                .items().stream().map(InvoiceView::number).toList();
    }

    @Test
    void credit_used_at_issue_counts_as_paid_and_the_rest_is_due_and_overdue_from_the_due_date() {
        ledger.issued(invoice(1, T0.plusSeconds(3600), "588.82", "11.18", "577.64"), 0);
        InvoiceView issued = invoice("INV-1");
        assertThat(issued.creditApplied()).isEqualByComparingTo("11.18");
        assertThat(issued.amountPaid()).isEqualByComparingTo("11.18");
        assertThat(issued.amountDue()).isEqualByComparingTo("577.64");
        assertThat(issued.status()).isEqualTo(InvoiceView.OPEN);
        assertThat(issued.overdue()).as("not before its due date").isFalse();
        assertThat(numbers(null, true)).isEmpty();

        clock.set(T0.plusSeconds(3600)); // the due instant itself
        assertThat(invoice("INV-1").overdue()).isTrue();
        assertThat(numbers(null, true)).containsExactly("INV-1");
        assertThat(numbers(null, false)).isEmpty();
    }

    @Test
    void partial_then_full_payment_settles_the_invoice_and_a_batch_delivered_again_changes_nothing() {
        ledger.issued(invoice(1, T0, "588.82", "0.00", "588.82"), 0);
        ledger.paid(payment("r-1", "300.00", settles("INV-1", "300.00")), 1);
        assertThat(invoice("INV-1").amountPaid()).isEqualByComparingTo("300.00");
        assertThat(invoice("INV-1").amountDue()).isEqualByComparingTo("288.82");
        assertThat(numbers(InvoiceView.OPEN, null)).containsExactly("INV-1");

        // the same two events again (a replayed batch whose token was not stored): applied once
        ledger.issued(invoice(1, T0, "588.82", "0.00", "588.82"), 0);
        ledger.paid(payment("r-1", "300.00", settles("INV-1", "300.00")), 1);
        assertThat(invoice("INV-1").amountDue()).isEqualByComparingTo("288.82");

        ledger.paid(payment("r-2", "288.82", settles("INV-1", "288.82")), 2);
        InvoiceView paid = invoice("INV-1");
        assertThat(paid.status()).isEqualTo(InvoiceView.PAID);
        assertThat(paid.amountPaid()).isEqualByComparingTo("588.82");
        assertThat(paid.amountDue()).isEqualByComparingTo("0.00");
        assertThat(paid.overdue()).isFalse();
        assertThat(numbers(InvoiceView.PAID, null)).containsExactly("INV-1");
        assertThat(numbers(InvoiceView.OPEN, null)).isEmpty();
        assertThat(store.collection(InvoiceLedger.PAYMENTS).countDocuments()).isEqualTo(2);
    }

    @Test
    void one_payment_settles_several_invoices_as_its_allocations_say_oldest_first() {
        ledger.issued(invoice(1, T0, "588.82", "0.00", "588.82"), 0);
        ledger.issued(invoice(2, END, "588.82", "0.00", "588.82"), 1);
        clock.set(END.plus(Duration.ofDays(1)));
        assertThat(numbers(null, true)).containsExactlyInAnyOrder("INV-1", "INV-2");
        ledger.paid(payment("r-1", "800.00", settles("INV-1", "588.82"), settles("INV-2", "211.18")), 2);
        assertThat(invoice("INV-1").status()).isEqualTo(InvoiceView.PAID);
        assertThat(invoice("INV-2").amountDue()).isEqualByComparingTo("377.64");
        assertThat(numbers(null, true)).containsExactly("INV-2");
        Document stored = store.collection(InvoiceLedger.PAYMENTS).find().first();
        assertThat(stored.getString("reference")).isEqualTo("r-1");
        assertThat(stored.getString("amount")).isEqualTo("800.00");
    }

    @Test
    void a_credit_invoice_is_paid_when_issued_and_never_overdue() {
        ledger.issued(invoice(1, T0, "-294.41", "0.00", "0.00"), 0);
        clock.set(END);
        InvoiceView credit = invoice("INV-1");
        assertThat(credit.status()).isEqualTo(InvoiceView.PAID);
        assertThat(credit.total()).isEqualByComparingTo("-294.41");
        assertThat(credit.overdue()).isFalse();
        assertThat(numbers(null, true)).isEmpty();
    }

    @Test
    void a_payment_for_an_invoice_the_read_model_has_not_seen_creates_nothing() {
        ledger.paid(payment("r-1", "100.00", settles("INV-9", "100.00")), 0);
        assertThat(queries.find(new FindInvoiceQuery("p", "INV-9"))).isEmpty();
        assertThat(store.collection(InvoiceLedger.INVOICES).countDocuments()).isZero();
    }
}
