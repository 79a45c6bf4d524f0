package com.planledger.query.customers;

import com.planledger.domain.billing.ChangeEffective;
import com.planledger.domain.billing.InvoiceLine;
import com.planledger.domain.billing.InvoiceLineKind;
import com.planledger.domain.billing.InvoiceReason;
import com.planledger.domain.billing.InvoiceTax;
import com.planledger.domain.billing.PaymentAllocation;
import com.planledger.domain.customer.CompanyName;
import com.planledger.domain.customer.CustomerEvent;
import com.planledger.domain.customer.CustomerPastDueEvent;
import com.planledger.domain.customer.CustomerPlanAssignedEvent;
import com.planledger.domain.customer.CustomerRegisteredEvent;
import com.planledger.domain.customer.CustomerState;
import com.planledger.domain.customer.EmailAddress;
import com.planledger.domain.customer.InvoiceIssuedEvent;
import com.planledger.domain.customer.PastDueSettledEvent;
import com.planledger.domain.customer.PaymentRecordedEvent;
import com.planledger.domain.customer.SubscriptionCancelledEvent;
import com.planledger.domain.customer.UsageLevelSetEvent;
import com.planledger.domain.customer.UsageMetric;
import com.planledger.domain.customer.UsageRecordedEvent;
import com.planledger.domain.plan.BillingCycle;
import com.planledger.domain.plan.Tax;
import com.planledger.domain.query.CustomerView;
import com.planledger.query.dashboard.ContributionTestTerms;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The customers read model's fold of the account, invoices, usage and the subscription's end. */
class CustomerRecordFoldTest {

    static final Instant T0 = Instant.parse("2027-01-31T09:00:00Z");
    static final Instant END = Instant.parse("2027-02-28T09:00:00Z");

    static InvoiceIssuedEvent invoice(String number, Instant at, String total, String applied, String due,
                                      String creditAfter) {
        return new InvoiceIssuedEvent("c", "p", number, "INV-", Long.parseLong(number.substring(4)),
                InvoiceReason.RENEWAL, "INR", at, at, List.of(new InvoiceLine(InvoiceLineKind.PLAN, "gold", 1,
                new BigDecimal("499.00"), new BigDecimal("499.00"), at, END)), new BigDecimal("499.00"),
                new InvoiceTax(new BigDecimal("18"), false, new BigDecimal("89.82")), new BigDecimal(total),
                new BigDecimal(applied), new BigDecimal(due), new BigDecimal(creditAfter));
    }

    static CustomerRecord fold(CustomerEvent... events) {
        CustomerRecord record = null;
        long sequence = 0;
        for (CustomerEvent event : events) {
            record = CustomerRecordFold.apply(record, event, sequence++, T0, "test");
        }
        return record;
    }

    static final CustomerRegisteredEvent REGISTERED = new CustomerRegisteredEvent("c", "p", CompanyName.of("C"),
            EmailAddress.of("c@example.com"));
    static final CustomerPlanAssignedEvent ASSIGNED = new CustomerPlanAssignedEvent("c", "p",
            ContributionTestTerms.gold(BillingCycle.MONTHLY, new Tax(true, new BigDecimal("18"), false)), T0, END,
            null, T0);

    @Test
    void the_account_holds_what_open_invoices_ask_the_overdue_part_and_the_credit() {
        CustomerRecord record = fold(REGISTERED, ASSIGNED, invoice("INV-1", T0, "588.82", "0.00", "588.82", "0.00"),
                new CustomerPastDueEvent("c", "p", "INV-1", T0, T0.plus(Duration.ofDays(7))),
                new PaymentRecordedEvent("c", "p", new BigDecimal("300.00"), "INR", "r-1", T0,
                        List.of(new PaymentAllocation("INV-1", new BigDecimal("300.00"))), new BigDecimal("0.00")));
        CustomerView.Account account = record.account(T0.plusSeconds(1));
        assertThat(account.openAmount()).isEqualByComparingTo("288.82");
        assertThat(account.overdueAmount()).isEqualByComparingTo("288.82");
        assertThat(account.balance()).isEqualByComparingTo("0.00");
        assertThat(record.state()).isEqualTo(CustomerState.IN_GRACE);

        CustomerRecord paid = fold(REGISTERED, ASSIGNED, invoice("INV-1", T0, "588.82", "0.00", "588.82", "0.00"),
                new CustomerPastDueEvent("c", "p", "INV-1", T0, T0.plus(Duration.ofDays(7))),
                new PaymentRecordedEvent("c", "p", new BigDecimal("600.00"), "INR", "r-1", T0,
                        List.of(new PaymentAllocation("INV-1", new BigDecimal("588.82"))), new BigDecimal("11.18")),
                new PastDueSettledEvent("c", "p", T0),
                invoice("INV-2", END, "588.82", "11.18", "577.64", "0.00"));
        // the renewal's invoice is not due before its due date
        assertThat(paid.account(END.minusSeconds(1)).overdueAmount()).isEqualByComparingTo("0.00");
        assertThat(paid.account(END).openAmount()).isEqualByComparingTo("577.64");
        assertThat(paid.account(END).overdueAmount()).isEqualByComparingTo("577.64");
        assertThat(paid.state()).isEqualTo(CustomerState.ACTIVE);
    }

    @Test
    void per_month_usage_counts_only_within_its_month_and_levels_stand() {
        CustomerRecord record = fold(REGISTERED, ASSIGNED,
                new UsageRecordedEvent("c", "p", UsageMetric.MESSAGES, 120, "u-1", T0, END, 120, T0),
                new UsageLevelSetEvent("c", "p", UsageMetric.CONTACTS, 900, 0, "l-1", T0));
        assertThat(record.used(UsageMetric.MESSAGES, END.minusSeconds(1))).isEqualTo(120);
        assertThat(record.used(UsageMetric.MESSAGES, END)).isZero();
        assertThat(record.used(UsageMetric.CONTACTS, END.plus(Duration.ofDays(400)))).isEqualTo(900);
    }

    @Test
    void a_cancelled_customer_has_no_plan_and_keeps_its_account() {
        CustomerRecord record = fold(REGISTERED, ASSIGNED, invoice("INV-1", T0, "588.82", "0.00", "588.82", "0.00"),
                new SubscriptionCancelledEvent("c", "p", "gold", 1, ChangeEffective.NOW, "closing", T0));
        assertThat(record.state()).isEqualTo(CustomerState.CANCELLED);
        assertThat(record.subscription()).isNull();
        assertThat(record.toView(T0).subscription()).isNull();
        assertThat(record.account(T0).openAmount()).isEqualByComparingTo("588.82");
    }
}
