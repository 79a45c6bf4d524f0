package com.planledger.domain;

import com.planledger.domain.billing.InvoiceLine;
import com.planledger.domain.billing.InvoiceLineKind;
import com.planledger.domain.billing.Money;
import com.planledger.domain.billing.Periods;
import com.planledger.domain.plan.BillingCycle;
import com.planledger.domain.plan.Tax;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** BILLING.md's arithmetic: periods from the anchor, proration, and invoice totals with GST. */
class BillingArithmeticTest {

    static final Instant JAN_31 = Instant.parse("2026-01-31T10:00:00Z");

    @Test
    void monthly_periods_from_31_january_end_on_the_anchor_day_or_the_months_last_day() {
        Instant end = JAN_31;
        List<String> ends = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            end = Periods.nextBoundary(JAN_31, BillingCycle.MONTHLY, end);
            ends.add(end.toString());
        }
        assertThat(ends).containsExactly("2026-02-28T10:00:00Z", "2026-03-31T10:00:00Z", "2026-04-30T10:00:00Z",
                "2026-05-31T10:00:00Z");
        assertThat(Periods.nextBoundary(Instant.parse("2028-01-31T00:00:00Z"), BillingCycle.MONTHLY,
                Instant.parse("2028-01-31T00:00:00Z"))).isEqualTo(Instant.parse("2028-02-29T00:00:00Z"));
    }

    @Test
    void yearly_and_quarterly_periods_count_from_the_anchor() {
        assertThat(Periods.nextBoundary(JAN_31, BillingCycle.YEARLY, JAN_31))
                .isEqualTo(Instant.parse("2027-01-31T10:00:00Z"));
        assertThat(Periods.nextBoundary(JAN_31, BillingCycle.QUARTERLY, Instant.parse("2026-04-30T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-07-31T10:00:00Z"));
    }

    @Test
    void usage_months_run_from_the_anchor_day_whatever_the_cycle() {
        Periods.Window window = Periods.monthWindow(JAN_31, Instant.parse("2026-03-15T00:00:00Z"));
        assertThat(window.from()).isEqualTo(Instant.parse("2026-02-28T10:00:00Z"));
        assertThat(window.to()).isEqualTo(Instant.parse("2026-03-31T10:00:00Z"));
        Periods.Window first = Periods.monthWindow(JAN_31, JAN_31);
        assertThat(first.from()).isEqualTo(JAN_31);
        assertThat(first.to()).isEqualTo(Instant.parse("2026-02-28T10:00:00Z"));
    }

    @Test
    void proration_is_the_amount_times_the_unused_time_over_the_period_rounded_half_up() {
        Instant start = Instant.parse("2026-04-01T00:00:00Z");
        Instant end = Instant.parse("2026-05-01T00:00:00Z"); // 30 days
        // 10 days left of 30: 499.00 x 10 / 30 = 166.333.. -> 166.33
        assertThat(Money.prorate(new BigDecimal("499.00"), start, end, Instant.parse("2026-04-21T00:00:00Z"),
                "INR")).isEqualByComparingTo("166.33");
        // 15 of 30 days of 0.01: 0.005 -> 0.01 (half up)
        assertThat(Money.prorate(new BigDecimal("0.01"), start, end, Instant.parse("2026-04-16T00:00:00Z"), "INR"))
                .isEqualByComparingTo("0.01");
    }

    @Test
    void exclusive_gst_is_added_and_inclusive_gst_is_shown_inside() {
        List<InvoiceLine> lines = List.of(new InvoiceLine(InvoiceLineKind.PLAN, "gold", 1, new BigDecimal("499.00"),
                new BigDecimal("499.00"), null, null));
        Money.Totals exclusive = Money.totals(lines, new Tax(true, new BigDecimal("18"), false), "INR");
        assertThat(exclusive.tax().amount()).isEqualByComparingTo("89.82");
        assertThat(exclusive.total()).isEqualByComparingTo("588.82");
        Money.Totals inclusive = Money.totals(lines, new Tax(true, new BigDecimal("18"), true), "INR");
        // 499 x 18 / 118 = 76.118.. -> 76.12, inside the total
        assertThat(inclusive.tax().amount()).isEqualByComparingTo("76.12");
        assertThat(inclusive.total()).isEqualByComparingTo("499.00");
        assertThat(Money.netOfTax(new BigDecimal("499.00"), new Tax(true, new BigDecimal("18"), true), "INR"))
                .isEqualByComparingTo("422.88");
        Money.Totals none = Money.totals(lines, Tax.none(), "INR");
        assertThat(none.total()).isEqualByComparingTo("499.00");
        assertThat(none.tax().amount()).isEqualByComparingTo("0.00");
    }
}
