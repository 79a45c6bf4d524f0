package com.planledger.query.dashboard;

import com.planledger.domain.customer.SubscriptionTerms;
import com.planledger.domain.plan.BillingCycle;
import com.planledger.domain.plan.Tax;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's MRR arithmetic: a month of each cycle, net of tax, exact in twelfths of the minor unit. */
class ContributionTest {

    static BigDecimal mrr(SubscriptionTerms terms, Map<String, Integer> addOns) {
        return Contribution.amount(Contribution.twelfthsPerMonth(terms, addOns), "INR");
    }

    @Test
    void monthly_counts_as_is_quarterly_divided_by_3_and_yearly_by_12() {
        Tax exclusive = new Tax(true, new BigDecimal("18"), false);
        assertThat(mrr(ContributionTestTerms.gold(BillingCycle.MONTHLY, exclusive), Map.of())).isEqualByComparingTo("499.00");
        assertThat(mrr(ContributionTestTerms.gold(BillingCycle.QUARTERLY, exclusive), Map.of())).isEqualByComparingTo("450.00");
        // 4990 / 12 = 415.8333..: kept exact in twelfths, rounded only when shown
        assertThat(mrr(ContributionTestTerms.gold(BillingCycle.YEARLY, exclusive), Map.of())).isEqualByComparingTo("415.83");
        assertThat(Contribution.twelfthsPerMonth(ContributionTestTerms.gold(BillingCycle.YEARLY, exclusive), Map.of()))
                .isEqualTo(499_000L);
    }

    @Test
    void add_ons_count_at_their_quantity_and_tax_never_counts() {
        Tax exclusive = new Tax(true, new BigDecimal("18"), false);
        // (499 + 2 x 99) = 697.00: the 18 % added on the invoice is not revenue
        assertThat(mrr(ContributionTestTerms.gold(BillingCycle.MONTHLY, exclusive), Map.of("EXTRA", 2))).isEqualByComparingTo("697.00");
        // inclusive: 499.00 holds 76.12 of GST, so 422.88 a month
        Tax inclusive = new Tax(true, new BigDecimal("18"), true);
        assertThat(mrr(ContributionTestTerms.gold(BillingCycle.MONTHLY, inclusive), Map.of())).isEqualByComparingTo("422.88");
        // yearly inclusive: 4990 holds 761.19 of GST; (4990 - 761.19) / 12 = 352.4008.. -> 352.40
        assertThat(mrr(ContributionTestTerms.gold(BillingCycle.YEARLY, inclusive), Map.of())).isEqualByComparingTo("352.40");
        assertThat(mrr(ContributionTestTerms.gold(BillingCycle.MONTHLY, Tax.none()), Map.of())).isEqualByComparingTo("499.00");
    }
}
