package com.planledger.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.planledger.domain.customer.EmailAddress;
import com.planledger.domain.customer.SubscriptionTerms;
import com.planledger.domain.json.DomainJson;
import com.planledger.domain.money.Currencies;
import com.planledger.domain.plan.AddOnOffer;
import com.planledger.domain.plan.BillingCycle;
import com.planledger.domain.plan.Limit;
import com.planledger.domain.plan.LimitKind;
import com.planledger.domain.plan.PlanChanges;
import com.planledger.domain.plan.PlanName;
import com.planledger.domain.plan.PlanTerms;
import com.planledger.domain.plan.PlanType;
import com.planledger.domain.plan.Tax;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The value rules that live in record constructors. */
class ValueObjectsTest {

    private static final ObjectMapper JSON = DomainJson.newMapper();

    private static DomainException refusal(Runnable r) {
        try {
            r.run();
        } catch (DomainException e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }

    @Nested
    class Money {

        @Test
        void amounts_are_kept_at_the_currency_scale() {
            assertThat(Currencies.requireAmount(new BigDecimal("499"), "INR", "p")).isEqualTo(new BigDecimal("499.00"));
            assertThat(Currencies.requireAmount(new BigDecimal("499.5"), "INR", "p").toPlainString()).isEqualTo("499.50");
            assertThat(Currencies.requireAmount(new BigDecimal("1000"), "JPY", "p").toPlainString()).isEqualTo("1000");
            assertThat(Currencies.requireAmount(new BigDecimal("1.234"), "KWD", "p").toPlainString()).isEqualTo("1.234");
            assertThat(Currencies.requireAmount(new BigDecimal("5.10000"), "USD", "p").toPlainString()).isEqualTo("5.10");
        }

        @Test
        void more_decimals_than_the_currency_allows_are_refused() {
            assertThat(refusal(() -> Currencies.requireAmount(new BigDecimal("9.999"), "INR", "prices.MONTHLY"))
                    .field()).isEqualTo("prices.MONTHLY");
            assertThat(refusal(() -> Currencies.requireAmount(new BigDecimal("100.5"), "JPY", "x")).getMessage())
                    .contains("JPY allows at most 0 decimals");
        }

        @Test
        void negative_missing_and_absurd_amounts_are_refused() {
            assertThat(refusal(() -> Currencies.requireAmount(new BigDecimal("-0.01"), "INR", "x")).getMessage())
                    .isEqualTo("must not be negative");
            assertThat(refusal(() -> Currencies.requireAmount(null, "INR", "x")).getMessage())
                    .isEqualTo("must not be missing");
            refusal(() -> Currencies.requireAmount(new BigDecimal("1e13"), "INR", "x"));
        }

        @Test
        void only_iso_4217_codes_of_money_are_currencies() {
            assertThat(Currencies.requireCode("EUR", "currency")).isEqualTo("EUR");
            refusal(() -> Currencies.requireCode("eur", "currency"));
            refusal(() -> Currencies.requireCode("XYZ", "currency"));
            refusal(() -> Currencies.requireCode("XAU", "currency"));
            refusal(() -> Currencies.requireCode("", "currency"));
        }

        @Test
        void decimals_travel_as_strings() throws Exception {
            assertThat(JSON.writeValueAsString(new BigDecimal("499.00"))).isEqualTo("\"499.00\"");
            assertThat(JSON.writeValueAsString(new BigDecimal("1E+3"))).isEqualTo("\"1000\"");
        }
    }

    @Nested
    class Limits {

        @Test
        void a_limit_is_a_whole_number_or_explicitly_unlimited() throws Exception {
            assertThat(JSON.readValue("5000", Limit.class)).isEqualTo(Limit.of(5000));
            assertThat(JSON.readValue("\"UNLIMITED\"", Limit.class).isUnlimited()).isTrue();
            assertThat(JSON.writeValueAsString(Limit.unlimited())).isEqualTo("\"UNLIMITED\"");
            assertThat(JSON.writeValueAsString(Limit.of(0))).isEqualTo("0");
        }

        @Test
        void minus_one_fractions_and_other_words_are_not_limits() {
            for (String json : List.of("-1", "1.5", "\"100\"", "\"unlimited\"", "null", "true")) {
                assertThatThrownBy(() -> {
                    Limit limit = JSON.readValue(json, Limit.class);
                    if (limit == null) {
                        throw new IllegalArgumentException("null");
                    }
                }).as(json).isInstanceOf(Exception.class);
            }
        }

        @Test
        void unlimited_absorbs_increments_and_allows_everything() {
            assertThat(Limit.unlimited().plus(5).isUnlimited()).isTrue();
            assertThat(Limit.of(5).plus(2)).isEqualTo(Limit.of(7));
            assertThat(Limit.of(5).allows(5)).isTrue();
            assertThat(Limit.of(5).allows(6)).isFalse();
            assertThat(Limit.unlimited().allows(Long.MAX_VALUE)).isTrue();
        }
    }

    @Nested
    class Names {

        @Test
        void plan_names_are_1_to_80_characters_compared_without_case() {
            assertThat(PlanName.of("  Gold ").value()).isEqualTo("Gold");
            assertThat(PlanName.of("Gold").normalized()).isEqualTo(PlanName.of("gOLD").normalized());
            assertThat(refusal(() -> PlanName.of(" ")).field()).isEqualTo("name");
            refusal(() -> PlanName.of("x".repeat(81)));
            assertThat(PlanName.of("x".repeat(80)).value()).hasSize(80);
        }

        @Test
        void email_addresses_are_checked_and_compared_without_case() {
            assertThat(EmailAddress.of(" Ops@Acme.example ").value()).isEqualTo("Ops@Acme.example");
            assertThat(EmailAddress.of("Ops@Acme.example").normalized()).isEqualTo("ops@acme.example");
            for (String bad : List.of("ops", "ops@", "@acme.example", "ops@acme", "a b@acme.example")) {
                assertThat(refusal(() -> EmailAddress.of(bad)).field()).as(bad).isEqualTo("email");
            }
        }

        @Test
        void ids_are_slugs_or_uuids() {
            assertThat(Ids.isValid("gold-2026.v1_a")).isTrue();
            assertThat(Ids.isValid("3f1c2a8e-8d1f-4c0b-9a57-6c0f1d2e3b4a")).isTrue();
            assertThat(Ids.isValid("-gold")).isFalse();
            assertThat(Ids.isValid("a:b")).isFalse();
            assertThat(Ids.isValid("x".repeat(65))).isFalse();
            assertThat(Ids.partnerOf(Ids.plan("acme", "gold"))).isEqualTo("acme");
            assertThat(Ids.localOf(Ids.plan("acme", "gold"))).isEqualTo("gold");
        }

        @Test
        void a_plan_and_a_customer_of_one_partner_may_share_an_id_in_the_event_store() {
            assertThat(Ids.planAggregate("acme", "gold")).isEqualTo("acme:plan:gold")
                    .isNotEqualTo(Ids.customerAggregate("acme", "gold"));
            assertThat(Ids.customerAggregate("acme", "gold")).isEqualTo("acme:customer:gold");
            assertThat(Ids.partnerOf(Ids.customerAggregate("acme", "gold"))).isEqualTo("acme");
            assertThat(Ids.localOf(Ids.customerAggregate("acme", "gold"))).isEqualTo("gold");
            assertThat(Ids.planAggregate("acme", "gold")).startsWith(Ids.scopeOf("acme"));
        }

        @Test
        void an_id_with_dots_is_one_path_segment_and_reads_back() {
            String segment = Ids.asPathSegment("gold-2026.v1_a");
            assertThat(segment).doesNotContain(".").isEqualTo("gold-2026%2Ev1_a");
            assertThat(Ids.fromPathSegment(segment)).isEqualTo("gold-2026.v1_a");
        }
    }

    @Nested
    class Terms {

        @Test
        void trial_is_0_to_365_days_and_grace_0_to_90() {
            PlanTerms t = SampleEvents.terms();
            assertThat(refusal(() -> withDays(t, 366, 0)).field()).isEqualTo("trialDays");
            assertThat(refusal(() -> withDays(t, -1, 0)).field()).isEqualTo("trialDays");
            assertThat(refusal(() -> withDays(t, 0, 91)).field()).isEqualTo("gracePeriodDays");
            assertThat(withDays(t, 365, 90).trialDays()).isEqualTo(365);
        }

        @Test
        void add_ons_are_unique_and_priced_only_for_offered_cycles() {
            PlanTerms t = SampleEvents.terms();
            AddOnOffer quarterly = new AddOnOffer("Q", "q", Map.of(BillingCycle.QUARTERLY, BigDecimal.ONE),
                    Map.of(LimitKind.MESSAGES, 1L));
            assertThat(refusal(() -> withAddOns(t, List.of(quarterly))).field())
                    .isEqualTo("addOns[0].prices.QUARTERLY");
            AddOnOffer a = SampleEvents.terms().addOns().get(0);
            assertThat(refusal(() -> withAddOns(t, List.of(a, a))).field()).isEqualTo("addOns[1].code");
            AddOnOffer cents = new AddOnOffer("C", "c", Map.of(BillingCycle.MONTHLY, new BigDecimal("0.001")),
                    Map.of(LimitKind.MESSAGES, 1L));
            assertThat(refusal(() -> withAddOns(t, List.of(cents))).field()).isEqualTo("addOns[0].prices.MONTHLY");
            assertThat(refusal(() -> new AddOnOffer("C", "c", Map.of(BillingCycle.MONTHLY, BigDecimal.ONE),
                    Map.of(LimitKind.MESSAGES, 0L))).field()).isEqualTo("grants.messages");
        }

        @Test
        void revenue_share_belongs_to_revenue_sharing_plans_only() {
            PlanTerms usage = SampleEvents.terms();
            PlanTerms shared = withShare(usage, "12.5");
            assertThat(shared.revenueSharePercent()).isEqualByComparingTo("12.50");
            assertThat(shared.requireConsistentWith(PlanType.REVENUE_SHARING)).isSameAs(shared);
            refusal(() -> shared.requireConsistentWith(PlanType.USAGE_BASED));
            refusal(() -> usage.requireConsistentWith(PlanType.REVENUE_SHARING));
            refusal(() -> withShare(usage, "0"));
            refusal(() -> withShare(usage, "100"));
            refusal(() -> withShare(usage, "10.123"));
        }

        @Test
        void integrations_are_sorted_keys() {
            PlanTerms t = SampleEvents.terms();
            assertThat(t.integrations()).containsExactly("hubspot", "zapier");
            assertThat(refusal(() -> new PlanTerms(t.displayName(), t.currency(), t.prices(), t.tax(), t.limits(), 0,
                    0, List.of("ok", "not ok"), List.of(), null)).field()).isEqualTo("integrations[1]");
        }

        @Test
        void gst_is_added_unless_included_or_disabled() {
            BigDecimal price = new BigDecimal("499.00");
            assertThat(new Tax(true, null, false).gross(price)).isEqualByComparingTo("588.82");
            assertThat(new Tax(true, null, true).gross(price)).isEqualByComparingTo("499.00");
            assertThat(new Tax(false, null, false).gross(price)).isEqualByComparingTo("499.00");
            assertThat(new Tax(true, new BigDecimal("5"), false).gross(new BigDecimal("100"))).isEqualByComparingTo("105");
            refusal(() -> new Tax(true, new BigDecimal("101"), false));
        }

        @Test
        void a_revise_names_changed_fields_at_audit_granularity() {
            PlanTerms before = SampleEvents.terms();
            PlanTerms after = new PlanTerms("Gold+", before.currency(),
                    Map.of(BillingCycle.MONTHLY, new BigDecimal("549"), BillingCycle.YEARLY, new BigDecimal("4990")),
                    before.tax(), new com.planledger.domain.plan.Limits(Limit.of(10_000), Limit.of(1_000), Limit.of(8),
                    Limit.of(2), Limit.of(5), Limit.unlimited()), 14, 7, before.integrations(), List.of(), null);
            assertThat(PlanChanges.fieldsChanged(PlanName.of("gold"), before, PlanName.of("gold"), after))
                    .containsExactly("displayName", "prices.MONTHLY", "limits.teamMembers", "addOns.EXTRA_MSGS");
            assertThat(PlanChanges.fieldsChanged(PlanName.of("gold"), before, PlanName.of("gold"),
                    SampleEvents.terms())).isEmpty();
        }
    }

    @Nested
    class Subscriptions {

        @Test
        void a_cycle_the_revision_does_not_offer_is_refused() {
            DomainException e = refusal(() -> SubscriptionTerms.of("gold", PlanName.of("gold"), 1,
                    SampleEvents.terms(), BillingCycle.QUARTERLY));
            assertThat(e.code()).isEqualTo(ErrorCode.BILLING_CYCLE_NOT_OFFERED);
            assertThat(e.field()).isEqualTo("billingCycle");
        }

        @Test
        void effective_limits_add_add_on_grants_times_quantity() {
            SubscriptionTerms s = SampleEvents.subscription();
            assertThat(s.effectiveLimits(Map.of("EXTRA_MSGS", 3)).messages()).isEqualTo(Limit.of(25_000));
            assertThat(s.effectiveLimits(Map.of()).contacts().isUnlimited()).isTrue();
            assertThat(s.amountDue()).isEqualByComparingTo("588.82");
        }

        @Test
        void a_period_is_one_calendar_cycle() {
            Instant jan31 = Instant.parse("2026-01-31T12:00:00Z");
            assertThat(BillingCycle.MONTHLY.periodEnd(jan31)).isEqualTo(Instant.parse("2026-02-28T12:00:00Z"));
            assertThat(BillingCycle.QUARTERLY.periodEnd(jan31)).isEqualTo(Instant.parse("2026-04-30T12:00:00Z"));
            assertThat(BillingCycle.YEARLY.periodEnd(jan31)).isEqualTo(Instant.parse("2027-01-31T12:00:00Z"));
        }
    }

    private static PlanTerms withDays(PlanTerms t, int trial, int grace) {
        return new PlanTerms(t.displayName(), t.currency(), t.prices(), t.tax(), t.limits(), trial, grace,
                t.integrations(), t.addOns(), t.revenueSharePercent());
    }

    private static PlanTerms withAddOns(PlanTerms t, List<AddOnOffer> addOns) {
        return new PlanTerms(t.displayName(), t.currency(), t.prices(), t.tax(), t.limits(), t.trialDays(),
                t.gracePeriodDays(), t.integrations(), addOns, t.revenueSharePercent());
    }

    private static PlanTerms withShare(PlanTerms t, String share) {
        return new PlanTerms(t.displayName(), t.currency(), t.prices(), t.tax(), t.limits(), t.trialDays(),
                t.gracePeriodDays(), t.integrations(), t.addOns(), new BigDecimal(share));
    }
}
