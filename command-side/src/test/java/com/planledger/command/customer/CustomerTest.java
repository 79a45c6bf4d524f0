package com.planledger.command.customer;

import com.planledger.domain.time.MutableClock;
import com.planledger.command.TestTerms;
import com.planledger.domain.CommandResult;
import com.planledger.domain.ErrorCode;
import com.planledger.domain.billing.ChangeEffective;
import com.planledger.domain.billing.InvoiceLine;
import com.planledger.domain.billing.InvoiceLineKind;
import com.planledger.domain.billing.InvoiceReason;
import com.planledger.domain.billing.InvoiceTax;
import com.planledger.domain.billing.PaymentAllocation;
import com.planledger.domain.billing.Proration;
import com.planledger.domain.customer.CancelSubscriptionCommand;
import com.planledger.domain.customer.InvoiceIssuedEvent;
import com.planledger.domain.customer.PastDueSettledEvent;
import com.planledger.domain.customer.ReactivateSubscriptionCommand;
import com.planledger.domain.customer.RemoveScheduledChangeCommand;
import com.planledger.domain.customer.ScheduledChangeRemovedEvent;
import com.planledger.domain.customer.SubscriptionCancellationScheduledEvent;
import com.planledger.domain.customer.SubscriptionCancelledEvent;
import com.planledger.domain.customer.SubscriptionChangeScheduledEvent;
import com.planledger.domain.customer.SubscriptionReactivatedEvent;
import com.planledger.domain.customer.UsageLevelSetEvent;
import com.planledger.domain.customer.AddCustomerUserCommand;
import com.planledger.domain.customer.AddOnAttachedEvent;
import com.planledger.domain.customer.AddOnDetachedEvent;
import com.planledger.domain.customer.ApplyDueTransitionsCommand;
import com.planledger.domain.customer.AssignPlanCommand;
import com.planledger.domain.customer.AttachAddOnCommand;
import com.planledger.domain.customer.BlockCustomerCommand;
import com.planledger.domain.customer.BlockReason;
import com.planledger.domain.customer.ChangeCustomerUserRoleCommand;
import com.planledger.domain.customer.CompanyName;
import com.planledger.domain.customer.CustomerBlockedEvent;
import com.planledger.domain.customer.CustomerPastDueEvent;
import com.planledger.domain.customer.CustomerPlanAssignedEvent;
import com.planledger.domain.customer.CustomerPlanChangedEvent;
import com.planledger.domain.customer.CustomerProfileUpdatedEvent;
import com.planledger.domain.customer.CustomerRegisteredEvent;
import com.planledger.domain.customer.CustomerUnblockedEvent;
import com.planledger.domain.customer.CustomerUserAddedEvent;
import com.planledger.domain.customer.CustomerUserRemovedEvent;
import com.planledger.domain.customer.CustomerUserRoleChangedEvent;
import com.planledger.domain.customer.DetachAddOnCommand;
import com.planledger.domain.customer.EmailAddress;
import com.planledger.domain.customer.MigrateSubscriptionCommand;
import com.planledger.domain.customer.MigrationOutcome;
import com.planledger.domain.customer.PaymentRecordedEvent;
import com.planledger.domain.customer.RecordPaymentCommand;
import com.planledger.domain.customer.RecordUsageCommand;
import com.planledger.domain.customer.RegisterCustomerCommand;
import com.planledger.domain.customer.RemoveCustomerUserCommand;
import com.planledger.domain.customer.SubscriptionMigratedEvent;
import com.planledger.domain.customer.SubscriptionMigrationScheduledEvent;
import com.planledger.domain.customer.SubscriptionRenewedEvent;
import com.planledger.domain.customer.SubscriptionTerms;
import com.planledger.domain.customer.UnblockCustomerCommand;
import com.planledger.domain.customer.UpdateCustomerProfileCommand;
import com.planledger.domain.customer.UsageLimitReachedEvent;
import com.planledger.domain.customer.UsageMetric;
import com.planledger.domain.customer.UsageRecordedEvent;
import com.planledger.domain.customer.UserRole;
import com.planledger.domain.plan.BillingCycle;
import com.planledger.domain.plan.Limit;
import com.planledger.domain.plan.Limits;
import com.planledger.domain.plan.MigrationEffective;
import com.planledger.domain.plan.PlanName;
import com.planledger.domain.plan.PlanOffer;
import com.planledger.domain.plan.PlanStatus;
import com.planledger.domain.plan.PlanTerms;
import com.planledger.domain.plan.PlanType;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.planledger.command.DomainMatchers.domainError;

/** One or more fixture tests per rule of DOMAIN.md's Customer section, named after the rule. */
class CustomerTest {

    static final String P = "partner-1";
    static final String C = "acme";
    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    static final CompanyName ACME = CompanyName.of("Acme Corp");
    static final EmailAddress MAIL = EmailAddress.of("ops@acme.example");
    static final PlanName GOLD = PlanName.of("gold");
    /** Gold without a trial, 7 days of grace, 5 team members, messages 10,000, an EXTRA_MSGS add-on. */
    static final PlanTerms GOLD_TERMS = TestTerms.withTrial(TestTerms.gold(), 0, 7);
    static final SubscriptionTerms GOLD_MONTHLY = SubscriptionTerms.of("gold", GOLD, 1, GOLD_TERMS,
            BillingCycle.MONTHLY);
    static final Instant END = BillingCycle.MONTHLY.periodEnd(T0);
    static final CustomerRegisteredEvent REGISTERED = new CustomerRegisteredEvent(C, P, ACME, MAIL);
    static final CustomerPlanAssignedEvent ASSIGNED = new CustomerPlanAssignedEvent(C, P, GOLD_MONTHLY, T0, END,
            null, T0);
    static final Instant GRACE_END = T0.plus(Duration.ofDays(7));
    /** The first invoice of gold monthly: 499.00 + 18 % GST = 588.82, due at once (payment terms 0). */
    static final InvoiceIssuedEvent INVOICE_1 = invoice(1, InvoiceReason.SUBSCRIPTION_START, T0,
            List.of(goldLine(T0, END)), "499.00", "89.82", "588.82", "0.00", "588.82", "0.00");
    static final CustomerPastDueEvent PAST_DUE_1 = new CustomerPastDueEvent(C, P, "INV-1", T0, GRACE_END);

    static InvoiceLine goldLine(Instant from, Instant to) {
        return new InvoiceLine(InvoiceLineKind.PLAN, "gold revision 1, MONTHLY", 1, new BigDecimal("499.00"),
                new BigDecimal("499.00"), from, to);
    }

    static InvoiceIssuedEvent invoice(long sequence, InvoiceReason reason, Instant at, List<InvoiceLine> lines,
                                      String subtotal, String tax, String total, String creditApplied,
                                      String amountDue, String creditAfter) {
        return new InvoiceIssuedEvent(C, P, "INV-" + sequence, "INV-", sequence, reason, "INR", at, at, lines,
                new BigDecimal(subtotal), new InvoiceTax(new BigDecimal("18"), false, new BigDecimal(tax)),
                new BigDecimal(total), new BigDecimal(creditApplied), new BigDecimal(amountDue),
                new BigDecimal(creditAfter));
    }

    static PaymentRecordedEvent payment(String amount, Instant at, String creditAfter, String... allocations) {
        List<PaymentAllocation> settled = new java.util.ArrayList<>();
        for (int i = 0; i < allocations.length; i += 2) {
            settled.add(new PaymentAllocation(allocations[i], new BigDecimal(allocations[i + 1])));
        }
        return new PaymentRecordedEvent(C, P, new BigDecimal(amount), "INR", "pay-1", at, settled,
                new BigDecimal(creditAfter));
    }

    private FixtureConfiguration<Customer> fixture;
    private MutableClock clock;
    /** The partner's invoice sequence in these tests (the given events do not claim numbers). */
    private final long[] lastNumber = {0};
    private final Map<String, PlanOffer> plans = new HashMap<>();
    private final Map<String, String> takenEmails = new HashMap<>();

    @BeforeEach
    void setUp() {
        plans.put("gold", offer("gold", 1, GOLD_TERMS, PlanStatus.ACTIVE, false));
        fixture = new AggregateTestFixture<>(Customer.class);
        fixture.registerInjectableResource((PlanCatalog) (partnerId, planId) ->
                P.equals(partnerId) ? Optional.ofNullable(plans.get(planId)) : Optional.empty());
        fixture.registerInjectableResource((CustomerEmails) (partnerId, email, customerId) -> {
            String owner = takenEmails.get(partnerId + ":" + email.normalized());
            return owner != null && !owner.equals(customerId);
        });
        clock = new MutableClock(T0);
        fixture.registerInjectableResource(clock);
        lastNumber[0] = 0;
        fixture.registerInjectableResource((InvoiceNumbers) partnerId -> ++lastNumber[0]);
    }

    /** Moves the clock the aggregate reads to {@code now}. */
    private void at(Instant now) {
        clock.set(now);
    }

    static PlanOffer offer(String id, int revision, PlanTerms terms, PlanStatus status, boolean archived) {
        return new PlanOffer(id, P, PlanName.of(id), PlanType.USAGE_BASED, revision, status, archived, terms);
    }

    private static BigDecimal due() {
        return GOLD_MONTHLY.amountDue(); // 499.00 + 18 % GST = 588.82
    }

    @Nested
    class Rule1_Register {

        @Test
        void register_records_the_account_only() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterCustomerCommand(P, C, ACME, MAIL, null, null))
                    .expectEvents(REGISTERED)
                    .expectResultMessagePayload(new CommandResult(C, 0, null));
        }

        @Test
        void register_with_a_plan_assigns_it_at_once() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterCustomerCommand(P, C, ACME, MAIL, "gold", BillingCycle.MONTHLY))
                    .expectEvents(REGISTERED, ASSIGNED, INVOICE_1, PAST_DUE_1)
                    .expectResultMessagePayload(new CommandResult(C, 3, null));
        }

        @Test
        void register_refuses_an_email_another_customer_of_the_partner_uses() {
            takenEmails.put(P + ":ops@acme.example", "other");
            fixture.givenNoPriorActivity()
                    .when(new RegisterCustomerCommand(P, C, ACME, EmailAddress.of("OPS@acme.example"), null, null))
                    .expectNoEvents()
                    .expectException(domainError(ErrorCode.CUSTOMER_EMAIL_TAKEN, "email"));
        }

        @Test
        void register_with_a_cycle_but_no_plan_is_refused() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterCustomerCommand(P, C, ACME, MAIL, null, BillingCycle.MONTHLY))
                    .expectNoEvents()
                    .expectException(domainError(ErrorCode.VALIDATION_FAILED, "planId"));
        }

        @Test
        void register_with_an_archived_plan_registers_nothing() {
            plans.put("old", offer("old", 1, GOLD_TERMS, PlanStatus.ACTIVE, true));
            fixture.givenNoPriorActivity()
                    .when(new RegisterCustomerCommand(P, C, ACME, MAIL, "old", BillingCycle.MONTHLY))
                    .expectNoEvents()
                    .expectException(domainError(ErrorCode.PLAN_ARCHIVED, "planId"));
        }

        @Test
        void profile_update_records_the_changed_fields_and_nothing_when_unchanged() {
            fixture.given(REGISTERED)
                    .when(new UpdateCustomerProfileCommand(P, C, CompanyName.of("Acme Inc"), MAIL, null))
                    .expectEvents(new CustomerProfileUpdatedEvent(C, P, CompanyName.of("Acme Inc"), MAIL,
                            List.of("companyName")));
            fixture.given(REGISTERED)
                    .when(new UpdateCustomerProfileCommand(P, C, ACME, MAIL, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class Rule2_AssignAndChangePlan {

        @Test
        void assign_records_the_revision_cycle_and_price_in_force() {
            fixture.given(REGISTERED)
                    .when(new AssignPlanCommand(P, C, "gold", BillingCycle.YEARLY, null))
                    .expectEvents(new CustomerPlanAssignedEvent(C, P, SubscriptionTerms.of("gold", GOLD, 1,
                                    GOLD_TERMS, BillingCycle.YEARLY), T0, BillingCycle.YEARLY.periodEnd(T0), null, T0),
                            invoice(1, InvoiceReason.SUBSCRIPTION_START, T0, List.of(new InvoiceLine(
                                            InvoiceLineKind.PLAN, "gold revision 1, YEARLY", 1,
                                            new BigDecimal("4990.00"), new BigDecimal("4990.00"), T0,
                                            BillingCycle.YEARLY.periodEnd(T0))), "4990.00", "898.20", "5888.20",
                                    "0.00", "5888.20", "0.00"),
                            new CustomerPastDueEvent(C, P, "INV-1", T0, GRACE_END));
        }

        @Test
        void assign_refuses_an_archived_plan() {
            plans.put("old", offer("old", 1, GOLD_TERMS, PlanStatus.ACTIVE, true));
            fixture.given(REGISTERED)
                    .when(new AssignPlanCommand(P, C, "old", BillingCycle.MONTHLY, null))
                    .expectNoEvents()
                    .expectException(domainError(ErrorCode.PLAN_ARCHIVED, "planId"));
        }

        @Test
        void assign_refuses_an_inactive_plan() {
            plans.put("off", offer("off", 1, GOLD_TERMS, PlanStatus.INACTIVE, false));
            fixture.given(REGISTERED)
                    .when(new AssignPlanCommand(P, C, "off", BillingCycle.MONTHLY, null))
                    .expectNoEvents()
                    .expectException(domainError(ErrorCode.PLAN_INACTIVE, "planId"));
        }

        @Test
        void assign_refuses_an_unknown_or_foreign_plan() {
            fixture.given(REGISTERED)
                    .when(new AssignPlanCommand(P, C, "nope", BillingCycle.MONTHLY, null))
                    .expectNoEvents()
                    .expectException(domainError(ErrorCode.PLAN_NOT_FOUND, "planId"));
        }

        @Test
        void assign_refuses_a_cycle_the_plan_does_not_offer() {
            fixture.given(REGISTERED)
                    .when(new AssignPlanCommand(P, C, "gold", BillingCycle.QUARTERLY, null))
                    .expectNoEvents()
                    .expectException(domainError(ErrorCode.BILLING_CYCLE_NOT_OFFERED, "billingCycle"));
        }

        @Test
        void change_records_old_and_new_plan_and_detaches_add_ons_the_new_plan_lacks() {
            plans.put("silver", offer("silver", 3, TestTerms.withAddOns(GOLD_TERMS, List.of()), PlanStatus.ACTIVE,
                    false));
            SubscriptionTerms silver = SubscriptionTerms.of("silver", PlanName.of("silver"), 3,
                    TestTerms.withAddOns(GOLD_TERMS, List.of()), BillingCycle.MONTHLY);
            fixture.given(REGISTERED, ASSIGNED, new AddOnAttachedEvent(C, P, "EXTRA_MSGS", 2))
                    .when(new AssignPlanCommand(P, C, "silver", BillingCycle.MONTHLY, ChangeEffective.NOW,
                            Proration.NONE, null))
                    .expectEvents(new CustomerPlanChangedEvent(C, P, "gold", 1, BillingCycle.MONTHLY, silver,
                            List.of("EXTRA_MSGS"), T0, Proration.NONE, null, null, null));
        }

        @Test
        void change_to_the_same_plan_revision_and_cycle_records_nothing() {
            fixture.given(REGISTERED, ASSIGNED)
                    .when(new AssignPlanCommand(P, C, "gold", BillingCycle.MONTHLY, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void a_private_plan_is_assignable() {
            // visibility is not part of assignability: the catalog's offer is ACTIVE and not archived
            plans.put("deal", offer("deal", 1, GOLD_TERMS, PlanStatus.ACTIVE, false));
            fixture.given(REGISTERED)
                    .when(new AssignPlanCommand(P, C, "deal", BillingCycle.MONTHLY, null))
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class Rule3_Trial {

        static final PlanTerms TRIAL_TERMS = TestTerms.withTrial(TestTerms.gold(), 14, 7);

        @Test
        void trial_starts_on_the_first_assignment_to_a_plan_with_trial_days() {
            plans.put("trial", offer("trial", 1, TRIAL_TERMS, PlanStatus.ACTIVE, false));
            Instant trialEnd = T0.plus(Duration.ofDays(14));
            fixture.given(REGISTERED)
                    .when(new AssignPlanCommand(P, C, "trial", BillingCycle.MONTHLY, null))
                    .expectEvents(new CustomerPlanAssignedEvent(C, P, SubscriptionTerms.of("trial",
                            PlanName.of("trial"), 1, TRIAL_TERMS, BillingCycle.MONTHLY), T0, trialEnd, trialEnd,
                            null));
        }

        @Test
        void trial_never_a_second_time_across_plan_changes() {
            plans.put("trial", offer("trial", 1, TRIAL_TERMS, PlanStatus.ACTIVE, false));
            // the first assignment (gold, no trial) was the only chance: a change never starts a trial
            fixture.given(REGISTERED, ASSIGNED)
                    .when(new AssignPlanCommand(P, C, "trial", BillingCycle.MONTHLY, ChangeEffective.NOW,
                            Proration.NONE, null))
                    .expectEvents(new CustomerPlanChangedEvent(C, P, "gold", 1, BillingCycle.MONTHLY,
                            SubscriptionTerms.of("trial", PlanName.of("trial"), 1, TRIAL_TERMS, BillingCycle.MONTHLY),
                            List.of(), T0, Proration.NONE, null, null, null));
        }

        @Test
        void trial_end_starts_the_first_paid_period_with_its_invoice_and_a_payment_in_the_trial_pays_it() {
            Instant trialEnd = T0.plus(Duration.ofDays(14));
            Instant periodEnd = BillingCycle.MONTHLY.periodEnd(trialEnd);
            SubscriptionTerms trial = SubscriptionTerms.of("trial", PlanName.of("trial"), 1, TRIAL_TERMS,
                    BillingCycle.MONTHLY);
            at(trialEnd.plusSeconds(1));
            fixture.given(REGISTERED, new CustomerPlanAssignedEvent(C, P, trial, T0, trialEnd, trialEnd, null),
                            payment("600.00", T0, "600.00"))
                    .when(new ApplyDueTransitionsCommand(P, C))
                    .expectEvents(new SubscriptionRenewedEvent(C, P, trialEnd, periodEnd, trialEnd),
                            new InvoiceIssuedEvent(C, P, "INV-1", "INV-", 1, InvoiceReason.TRIAL_END, "INR", trialEnd,
                                    trialEnd, List.of(new InvoiceLine(InvoiceLineKind.PLAN,
                                    "trial revision 1, MONTHLY", 1, new BigDecimal("499.00"),
                                    new BigDecimal("499.00"), trialEnd, periodEnd)), new BigDecimal("499.00"),
                                    new InvoiceTax(new BigDecimal("18"), false, new BigDecimal("89.82")),
                                    new BigDecimal("588.82"), new BigDecimal("588.82"), new BigDecimal("0.00"),
                                    new BigDecimal("11.18")))
                    .expectResultMessagePayload(periodEnd);
        }
    }

    /** BILLING.md: account and payments, invoices, periods, past due and grace, changes, cancel. */
    @Nested
    class Rule4_MoneyAndTime {

        static final Instant END2 = Instant.parse("2026-05-01T09:00:00Z");
        /** Half of the 31-day period from T0 to END. */
        static final Instant MID = Instant.parse("2026-03-16T21:00:00Z");

        @Test
        void a_partial_payment_settles_part_of_the_oldest_invoice_and_the_customer_stays_past_due() {
            fixture.given(REGISTERED, ASSIGNED, INVOICE_1, PAST_DUE_1)
                    .when(new RecordPaymentCommand(P, C, new BigDecimal("300"), "INR", "pay-1", null))
                    .expectEvents(payment("300.00", T0, "0.00", "INV-1", "300.00"));
        }

        @Test
        void an_exact_payment_settles_the_invoice_and_ends_past_due() {
            fixture.given(REGISTERED, ASSIGNED, INVOICE_1, PAST_DUE_1)
                    .when(new RecordPaymentCommand(P, C, new BigDecimal("588.82"), "INR", "pay-1", null))
                    .expectEvents(payment("588.82", T0, "0.00", "INV-1", "588.82"),
                            new PastDueSettledEvent(C, P, T0))
                    .expectResultMessagePayload(new CommandResult(C, 5, null));
        }

        @Test
        void what_a_payment_leaves_is_credit_that_pays_the_next_invoice_the_moment_it_is_issued() {
            lastNumber[0] = 1; // INV-1 was issued
            at(END);
            fixture.given(REGISTERED, ASSIGNED, INVOICE_1, PAST_DUE_1,
                            payment("600.00", T0, "11.18", "INV-1", "588.82"), new PastDueSettledEvent(C, P, T0))
                    .when(new ApplyDueTransitionsCommand(P, C))
                    .expectEvents(new SubscriptionRenewedEvent(C, P, END, END2, T0),
                            invoice(2, InvoiceReason.RENEWAL, END, List.of(goldLine(END, END2)), "499.00", "89.82",
                                    "588.82", "11.18", "577.64", "0.00"),
                            new CustomerPastDueEvent(C, P, "INV-2", END, END.plus(Duration.ofDays(7))))
                    .expectResultMessagePayload(END.plus(Duration.ofDays(7)));
        }

        @Test
        void a_repeated_reference_records_nothing_and_another_amount_under_it_is_refused() {
            fixture.given(REGISTERED, ASSIGNED, INVOICE_1, PAST_DUE_1, payment("300.00", T0, "0.00", "INV-1",
                            "300.00"))
                    .when(new RecordPaymentCommand(P, C, new BigDecimal("300.00"), "INR", "pay-1", null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
            fixture.given(REGISTERED, ASSIGNED, INVOICE_1, PAST_DUE_1, payment("300.00", T0, "0.00", "INV-1",
                            "300.00"))
                    .when(new RecordPaymentCommand(P, C, new BigDecimal("288.82"), "INR", "pay-1", null))
                    .expectNoEvents()
                    .expectException(domainError(ErrorCode.PAYMENT_REFERENCE_CONFLICT, "reference"));
        }

        @Test
        void a_payment_in_another_currency_or_of_nothing_is_refused() {
            fixture.given(REGISTERED, ASSIGNED, INVOICE_1)
                    .when(new RecordPaymentCommand(P, C, due(), "USD", "pay-1", null))
                    .expectNoEvents()
                    .expectException(domainError(ErrorCode.PAYMENT_CURRENCY_MISMATCH, "currency"));
            fixture.given(REGISTERED, ASSIGNED, INVOICE_1)
                    .when(new RecordPaymentCommand(P, C, new BigDecimal("0.00"), "INR", "pay-1", null))
                    .expectNoEvents()
                    .expectException(domainError(ErrorCode.VALIDATION_FAILED, "amount"));
        }

        @Test
        void a_payment_without_a_plan_is_refused() {
            fixture.given(REGISTERED)
                    .when(new RecordPaymentCommand(P, C, due(), "INR", "pay-1", null))
                    .expectNoEvents()
                    .expectException(domainError(ErrorCode.NO_SUBSCRIPTION));
        }

        @Test
        void grace_that_ends_with_the_invoice_open_blocks_with_payment_overdue() {
            at(GRACE_END);
            fixture.given(REGISTERED, ASSIGNED, INVOICE_1, PAST_DUE_1)
                    .when(new ApplyDueTransitionsCommand(P, C))
                    .expectEvents(new CustomerBlockedEvent(C, P, BlockReason.PAYMENT_OVERDUE, null, GRACE_END))
                    .expectResultMessagePayload(END);
        }

        @Test
        void settling_every_overdue_invoice_lifts_the_overdue_block() {
            Instant now = GRACE_END.plus(Duration.ofDays(2));
            at(now);
            fixture.given(REGISTERED, ASSIGNED, INVOICE_1, PAST_DUE_1,
                            new CustomerBlockedEvent(C, P, BlockReason.PAYMENT_OVERDUE, null, GRACE_END))
                    .when(new RecordPaymentCommand(P, C, new BigDecimal("588.82"), "INR", "pay-1", null))
                    .expectEvents(payment("588.82", now, "0.00", "INV-1", "588.82"),
                            new PastDueSettledEvent(C, P, now),
                            new CustomerUnblockedEvent(C, P, BlockReason.PAYMENT_OVERDUE, now));
        }

        @Test
        void a_clock_far_ahead_applies_every_transition_in_time_order() {
            lastNumber[0] = 1; // INV-1 was issued
            at(END.plusSeconds(1));
            fixture.given(REGISTERED, ASSIGNED, INVOICE_1, PAST_DUE_1)
                    .when(new ApplyDueTransitionsCommand(P, C))
                    .expectEvents(new CustomerBlockedEvent(C, P, BlockReason.PAYMENT_OVERDUE, null, GRACE_END),
                            new SubscriptionRenewedEvent(C, P, END, END2, T0),
                            invoice(2, InvoiceReason.RENEWAL, END, List.of(goldLine(END, END2)), "499.00", "89.82",
                                    "588.82", "0.00", "588.82", "0.00"));
        }

        @Test
        void a_change_now_credits_the_unused_old_terms_and_charges_the_new_ones_for_the_rest_of_the_period() {
            lastNumber[0] = 1; // INV-1 was issued
            PlanTerms platinumTerms = TestTerms.withMonthly(GOLD_TERMS, "999");
            plans.put("platinum", offer("platinum", 1, platinumTerms, PlanStatus.ACTIVE, false));
            SubscriptionTerms platinum = SubscriptionTerms.of("platinum", PlanName.of("platinum"), 1, platinumTerms,
                    BillingCycle.MONTHLY);
            at(MID);
            fixture.given(REGISTERED, ASSIGNED, INVOICE_1, PAST_DUE_1,
                            payment("588.82", T0, "0.00", "INV-1", "588.82"), new PastDueSettledEvent(C, P, T0))
                    .when(new AssignPlanCommand(P, C, "platinum", BillingCycle.MONTHLY, null))
                    .expectEvents(new CustomerPlanChangedEvent(C, P, "gold", 1, BillingCycle.MONTHLY, platinum,
                                    List.of(), MID, Proration.PRORATE, T0, END, null),
                            invoice(2, InvoiceReason.PLAN_CHANGE, MID, List.of(
                                    new InvoiceLine(InvoiceLineKind.PRORATION_CREDIT,
                                            "Unused time on gold revision 1, MONTHLY", 1, new BigDecimal("-249.50"),
                                            new BigDecimal("-249.50"), MID, END),
                                    new InvoiceLine(InvoiceLineKind.PRORATION_CHARGE,
                                            "Remaining time on platinum revision 1, MONTHLY", 1,
                                            new BigDecimal("499.50"), new BigDecimal("499.50"), MID, END)),
                                    "250.00", "45.00", "295.00", "0.00", "295.00", "0.00"),
                            new CustomerPastDueEvent(C, P, "INV-2", MID, MID.plus(Duration.ofDays(7))));
        }

        @Test
        void a_change_at_the_period_end_is_scheduled_applied_at_renewal_and_removable() {
            PlanTerms silverTerms = TestTerms.withMonthly(GOLD_TERMS, "299");
            plans.put("silver", offer("silver", 1, silverTerms, PlanStatus.ACTIVE, false));
            SubscriptionTerms silver = SubscriptionTerms.of("silver", PlanName.of("silver"), 1, silverTerms,
                    BillingCycle.MONTHLY);
            fixture.given(REGISTERED, ASSIGNED)
                    .when(new AssignPlanCommand(P, C, "silver", BillingCycle.MONTHLY, ChangeEffective.PERIOD_END,
                            null, null))
                    .expectEvents(new SubscriptionChangeScheduledEvent(C, P, silver, END));
            fixture.given(REGISTERED, ASSIGNED, new SubscriptionChangeScheduledEvent(C, P, silver, END))
                    .when(new RemoveScheduledChangeCommand(P, C, null))
                    .expectEvents(new ScheduledChangeRemovedEvent(C, P, "silver", 1, BillingCycle.MONTHLY));
            fixture.given(REGISTERED, ASSIGNED)
                    .when(new RemoveScheduledChangeCommand(P, C, null))
                    .expectNoEvents()
                    .expectException(domainError(ErrorCode.NO_SCHEDULED_CHANGE));
            at(END);
            fixture.given(REGISTERED, ASSIGNED, new SubscriptionChangeScheduledEvent(C, P, silver, END))
                    .when(new ApplyDueTransitionsCommand(P, C))
                    .expectEvents(new CustomerPlanChangedEvent(C, P, "gold", 1, BillingCycle.MONTHLY, silver,
                                    List.of(), END, Proration.NONE, null, null, null),
                            new SubscriptionRenewedEvent(C, P, END, END2, T0),
                            invoice(1, InvoiceReason.RENEWAL, END, List.of(new InvoiceLine(InvoiceLineKind.PLAN,
                                            "silver revision 1, MONTHLY", 1, new BigDecimal("299.00"),
                                            new BigDecimal("299.00"), END, END2)), "299.00", "53.82", "352.82",
                                    "0.00", "352.82", "0.00"),
                            new CustomerPastDueEvent(C, P, "INV-1", END, END.plus(Duration.ofDays(7))));
        }

        @Test
        void a_cancel_at_the_period_end_ends_the_subscription_then_with_no_new_invoice() {
            fixture.given(REGISTERED, ASSIGNED)
                    .when(new CancelSubscriptionCommand(P, C, null, null, "moving on", null))
                    .expectEvents(new SubscriptionCancellationScheduledEvent(C, P, "moving on", END));
            at(END);
            fixture.given(REGISTERED, ASSIGNED, new SubscriptionCancellationScheduledEvent(C, P, "moving on", END))
                    .when(new ApplyDueTransitionsCommand(P, C))
                    .expectEvents(new SubscriptionCancelledEvent(C, P, "gold", 1, ChangeEffective.PERIOD_END,
                            "moving on", END))
                    .expectResultMessagePayload(null);
        }

        @Test
        void reactivate_removes_a_scheduled_cancel_and_is_refused_when_none_is_scheduled() {
            fixture.given(REGISTERED, ASSIGNED, new SubscriptionCancellationScheduledEvent(C, P, "moving on", END))
                    .when(new ReactivateSubscriptionCommand(P, C, null))
                    .expectEvents(new SubscriptionReactivatedEvent(C, P, END));
            fixture.given(REGISTERED, ASSIGNED)
                    .when(new ReactivateSubscriptionCommand(P, C, null))
                    .expectNoEvents()
                    .expectException(domainError(ErrorCode.NO_SCHEDULED_CANCEL));
        }

        @Test
        void a_cancel_now_credits_the_unused_part_and_open_invoices_stay_due() {
            at(MID);
            fixture.given(REGISTERED, ASSIGNED)
                    .when(new CancelSubscriptionCommand(P, C, ChangeEffective.NOW, null, "closing down", null))
                    .expectEvents(invoice(1, InvoiceReason.CANCEL, MID, List.of(new InvoiceLine(
                                    InvoiceLineKind.PRORATION_CREDIT, "Unused time on gold revision 1, MONTHLY", 1,
                                    new BigDecimal("-249.50"), new BigDecimal("-249.50"), MID, END)), "-249.50",
                                    "-44.91", "-294.41", "0.00", "0.00", "294.41"),
                            new SubscriptionCancelledEvent(C, P, "gold", 1, ChangeEffective.NOW, "closing down",
                                    MID));
        }

        @Test
        void a_plan_assigned_after_a_cancel_starts_a_new_subscription_without_a_second_trial() {
            PlanTerms trialTerms = TestTerms.withTrial(TestTerms.gold(), 14, 7);
            plans.put("trial", offer("trial", 1, trialTerms, PlanStatus.ACTIVE, false));
            SubscriptionTerms trial = SubscriptionTerms.of("trial", PlanName.of("trial"), 1, trialTerms,
                    BillingCycle.MONTHLY);
            Instant trialEnd = T0.plus(Duration.ofDays(14));
            Instant later = END.plus(Duration.ofDays(40));
            at(later);
            fixture.given(REGISTERED, new CustomerPlanAssignedEvent(C, P, trial, T0, trialEnd, trialEnd, null),
                            new SubscriptionCancelledEvent(C, P, "trial", 1, ChangeEffective.NOW, "not now", T0))
                    .when(new AssignPlanCommand(P, C, "trial", BillingCycle.MONTHLY, null))
                    .expectEvents(new CustomerPlanAssignedEvent(C, P, trial, later,
                                    BillingCycle.MONTHLY.periodEnd(later), null, later),
                            new InvoiceIssuedEvent(C, P, "INV-1", "INV-", 1, InvoiceReason.SUBSCRIPTION_START, "INR",
                                    later, later, List.of(new InvoiceLine(InvoiceLineKind.PLAN,
                                    "trial revision 1, MONTHLY", 1, new BigDecimal("499.00"),
                                    new BigDecimal("499.00"), later, BillingCycle.MONTHLY.periodEnd(later))),
                                    new BigDecimal("499.00"), new InvoiceTax(new BigDecimal("18"), false,
                                    new BigDecimal("89.82")), new BigDecimal("588.82"), new BigDecimal("0.00"),
                                    new BigDecimal("588.82"), new BigDecimal("0.00")),
                            new CustomerPastDueEvent(C, P, "INV-1", later, later.plus(Duration.ofDays(7))));
        }
    }

    @Nested
    class Rule5_Blocks {

        static final CustomerBlockedEvent MANUAL = new CustomerBlockedEvent(C, P, BlockReason.MANUAL, "abuse", T0);
        static final CustomerBlockedEvent OVERDUE =
                new CustomerBlockedEvent(C, P, BlockReason.PAYMENT_OVERDUE, null, T0);

        @Test
        void a_manual_block_needs_a_note() {
            fixture.given(REGISTERED)
                    .when(new BlockCustomerCommand(P, C, "  ", null))
                    .expectNoEvents()
                    .expectException(domainError(ErrorCode.VALIDATION_FAILED, "note"));
        }

        @Test
        void blocking_twice_records_nothing_new() {
            fixture.given(REGISTERED)
                    .when(new BlockCustomerCommand(P, C, "abuse", null))
                    .expectEvents(MANUAL);
            fixture.given(REGISTERED, MANUAL)
                    .when(new BlockCustomerCommand(P, C, "again", null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void unblocking_manual_leaves_the_overdue_block_in_place() {
            fixture.given(REGISTERED, ASSIGNED, OVERDUE, MANUAL)
                    .when(new UnblockCustomerCommand(P, C, null))
                    .expectEvents(new CustomerUnblockedEvent(C, P, BlockReason.MANUAL, T0));
            // and with only the overdue block, unblock changes nothing: a payment lifts it
            fixture.given(REGISTERED, ASSIGNED, OVERDUE)
                    .when(new UnblockCustomerCommand(P, C, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void a_payment_lifts_the_overdue_block_and_leaves_the_manual_one() {
            at(GRACE_END);
            fixture.given(REGISTERED, ASSIGNED, INVOICE_1, PAST_DUE_1, OVERDUE, MANUAL)
                    .when(new RecordPaymentCommand(P, C, due(), "INR", "pay-1", null))
                    .expectEvents(payment("588.82", GRACE_END, "0.00", "INV-1", "588.82"),
                            new PastDueSettledEvent(C, P, GRACE_END),
                            new CustomerUnblockedEvent(C, P, BlockReason.PAYMENT_OVERDUE, GRACE_END));
        }
    }

    @Nested
    class Rule6_AccessManagement {

        private CustomerUserAddedEvent user(int i) {
            return new CustomerUserAddedEvent(C, P, "u" + i, EmailAddress.of("u" + i + "@acme.example"),
                    UserRole.MEMBER);
        }

        @Test
        void users_are_added_within_the_team_members_limit() {
            fixture.given(REGISTERED, ASSIGNED, user(1), user(2), user(3), user(4))
                    .when(new AddCustomerUserCommand(P, C, "u5", EmailAddress.of("u5@acme.example"), UserRole.ADMIN,
                            null))
                    .expectEvents(new CustomerUserAddedEvent(C, P, "u5", EmailAddress.of("u5@acme.example"),
                            UserRole.ADMIN));
        }

        @Test
        void never_more_users_than_the_team_members_limit() {
            fixture.given(REGISTERED, ASSIGNED, user(1), user(2), user(3), user(4), user(5))
                    .when(new AddCustomerUserCommand(P, C, "u6", EmailAddress.of("u6@acme.example"),
                            UserRole.MEMBER, null))
                    .expectNoEvents()
                    .expectException(domainError(ErrorCode.LIMIT_EXCEEDED, "users"));
        }

        @Test
        void add_ons_raise_the_team_members_limit() {
            PlanTerms seats = TestTerms.withAddOns(GOLD_TERMS, List.of(TestTerms.extraSeats()));
            SubscriptionTerms terms = SubscriptionTerms.of("gold", GOLD, 1, seats, BillingCycle.MONTHLY);
            fixture.given(REGISTERED, new CustomerPlanAssignedEvent(C, P, terms, T0, END, null, T0),
                            new AddOnAttachedEvent(C, P, "EXTRA_SEATS", 1),
                            user(1), user(2), user(3), user(4), user(5), user(6))
                    .when(new AddCustomerUserCommand(P, C, "u7", EmailAddress.of("u7@acme.example"),
                            UserRole.MEMBER, null))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void unlimited_team_members_means_no_limit() {
            PlanTerms unlimited = TestTerms.withLimits(GOLD_TERMS, new Limits(Limit.of(1), Limit.of(1),
                    Limit.unlimited(), Limit.of(1), Limit.of(1), Limit.of(1)));
            SubscriptionTerms terms = SubscriptionTerms.of("gold", GOLD, 1, unlimited, BillingCycle.MONTHLY);
            fixture.given(REGISTERED, new CustomerPlanAssignedEvent(C, P, terms, T0, END, null, T0),
                            user(1), user(2), user(3), user(4), user(5), user(6), user(7), user(8))
                    .when(new AddCustomerUserCommand(P, C, "u9", EmailAddress.of("u9@acme.example"),
                            UserRole.MEMBER, null))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void lowering_a_limit_never_removes_anyone_it_only_stops_new_users() {
            PlanTerms two = TestTerms.withLimits(GOLD_TERMS, TestTerms.limits(2));
            plans.put("small", offer("small", 1, two, PlanStatus.ACTIVE, false));
            SubscriptionTerms small = SubscriptionTerms.of("small", PlanName.of("small"), 1, two, BillingCycle.MONTHLY);
            fixture.given(REGISTERED, ASSIGNED, user(1), user(2), user(3))
                    .when(new AssignPlanCommand(P, C, "small", BillingCycle.MONTHLY, ChangeEffective.NOW,
                            Proration.NONE, null))
                    .expectEvents(new CustomerPlanChangedEvent(C, P, "gold", 1, BillingCycle.MONTHLY, small,
                            List.of(), T0, Proration.NONE, null, null, null));
            fixture.given(REGISTERED, ASSIGNED, user(1), user(2), user(3),
                            new CustomerPlanChangedEvent(C, P, "gold", 1, BillingCycle.MONTHLY, small, List.of(),
                                    T0, Proration.NONE, null, null, null))
                    .when(new AddCustomerUserCommand(P, C, "u4", EmailAddress.of("u4@acme.example"),
                            UserRole.MEMBER, null))
                    .expectNoEvents()
                    .expectException(domainError(ErrorCode.LIMIT_EXCEEDED, "users"));
        }

        @Test
        void a_user_email_is_used_once_per_customer() {
            fixture.given(REGISTERED, ASSIGNED, user(1))
                    .when(new AddCustomerUserCommand(P, C, "other", EmailAddress.of("U1@acme.example"),
                            UserRole.MEMBER, null))
                    .expectNoEvents()
                    .expectException(domainError(ErrorCode.USER_EMAIL_TAKEN, "email"));
        }

        @Test
        void change_role_and_remove() {
            fixture.given(REGISTERED, ASSIGNED, user(1))
                    .when(new ChangeCustomerUserRoleCommand(P, C, "u1", UserRole.OWNER, null))
                    .expectEvents(new CustomerUserRoleChangedEvent(C, P, "u1", UserRole.MEMBER, UserRole.OWNER));
            fixture.given(REGISTERED, ASSIGNED, user(1))
                    .when(new ChangeCustomerUserRoleCommand(P, C, "u1", UserRole.MEMBER, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
            fixture.given(REGISTERED, ASSIGNED, user(1))
                    .when(new RemoveCustomerUserCommand(P, C, "u1", null))
                    .expectEvents(new CustomerUserRemovedEvent(C, P, "u1"));
            fixture.given(REGISTERED, ASSIGNED)
                    .when(new RemoveCustomerUserCommand(P, C, "u1", null))
                    .expectNoEvents()
                    .expectException(domainError(ErrorCode.USER_NOT_FOUND, "userId"));
        }
    }

    @Nested
    class Rule_AddOns {

        @Test
        void attach_only_what_the_revision_offers() {
            String addOn = TestTerms.extraMessages().displayName() + " (EXTRA_MSGS)";
            // attached at the period's start: the whole period is charged, prorated, on its own invoice
            fixture.given(REGISTERED, ASSIGNED)
                    .when(new AttachAddOnCommand(P, C, "EXTRA_MSGS", 3, null))
                    .expectEvents(new AddOnAttachedEvent(C, P, "EXTRA_MSGS", 3),
                            invoice(1, InvoiceReason.ADD_ON_CHANGE, T0, List.of(new InvoiceLine(
                                            InvoiceLineKind.PRORATION_CHARGE, addOn + " for the remaining time", 3,
                                            new BigDecimal("99.00"), new BigDecimal("297.00"), T0, END)), "297.00",
                                    "53.46", "350.46", "0.00", "350.46", "0.00"),
                            PAST_DUE_1);
            fixture.given(REGISTERED, ASSIGNED)
                    .when(new AttachAddOnCommand(P, C, "EXTRA_SEATS", 1, null))
                    .expectNoEvents()
                    .expectException(domainError(ErrorCode.ADD_ON_NOT_OFFERED, "code"));
        }

        @Test
        void same_quantity_records_nothing_and_detach_removes() {
            fixture.given(REGISTERED, ASSIGNED, new AddOnAttachedEvent(C, P, "EXTRA_MSGS", 3))
                    .when(new AttachAddOnCommand(P, C, "EXTRA_MSGS", 3, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
            String addOn = TestTerms.extraMessages().displayName() + " (EXTRA_MSGS)";
            // detached at the period's start: the whole period is credited, and the credit stays on the account
            fixture.given(REGISTERED, ASSIGNED, new AddOnAttachedEvent(C, P, "EXTRA_MSGS", 3))
                    .when(new DetachAddOnCommand(P, C, "EXTRA_MSGS", null))
                    .expectEvents(new AddOnDetachedEvent(C, P, "EXTRA_MSGS"),
                            invoice(1, InvoiceReason.ADD_ON_CHANGE, T0, List.of(new InvoiceLine(
                                            InvoiceLineKind.PRORATION_CREDIT, addOn + " unused time", 3,
                                            new BigDecimal("99.00"), new BigDecimal("-297.00"), T0, END)),
                                    "-297.00", "-53.46", "-350.46", "0.00", "0.00", "350.46"));
            fixture.given(REGISTERED, ASSIGNED)
                    .when(new DetachAddOnCommand(P, C, "EXTRA_MSGS", null))
                    .expectNoEvents()
                    .expectException(domainError(ErrorCode.ADD_ON_NOT_ATTACHED, "code"));
        }
    }

    @Nested
    class Rule8_Usage {

        /** A per-month report at T0, in the first usage month [T0, END). */
        private UsageRecordedEvent used(long quantity, String usageId, long total) {
            return new UsageRecordedEvent(C, P, UsageMetric.MESSAGES, quantity, usageId, T0, END, total, T0);
        }

        @Test
        void a_yearly_customer_counts_messages_per_month_from_the_anchor_day() {
            SubscriptionTerms yearly = SubscriptionTerms.of("gold", GOLD, 1, GOLD_TERMS, BillingCycle.YEARLY);
            Instant april = Instant.parse("2026-04-10T00:00:00Z");
            at(april);
            fixture.given(REGISTERED, new CustomerPlanAssignedEvent(C, P, yearly, T0,
                            BillingCycle.YEARLY.periodEnd(T0), null, T0),
                            new UsageRecordedEvent(C, P, UsageMetric.MESSAGES, 10_000, "u-1", T0, END, 10_000, T0),
                            new UsageLimitReachedEvent(C, P, UsageMetric.MESSAGES, 10_000, 10_000, T0))
                    .when(new RecordUsageCommand(P, C, UsageMetric.MESSAGES, 50, "u-2"))
                    .expectEvents(new UsageRecordedEvent(C, P, UsageMetric.MESSAGES, 50, "u-2", END,
                            Instant.parse("2026-05-01T09:00:00Z"), 50, april));
        }

        @Test
        void a_level_is_set_by_each_report_and_can_go_down() {
            fixture.given(REGISTERED, ASSIGNED,
                            new UsageLevelSetEvent(C, P, UsageMetric.CONTACTS, 900, 0, "c-1", T0))
                    .when(new RecordUsageCommand(P, C, UsageMetric.CONTACTS, null, 400L, "c-2", null))
                    .expectEvents(new UsageLevelSetEvent(C, P, UsageMetric.CONTACTS, 400, 900, "c-2", T0));
        }

        @Test
        void the_same_usage_id_with_another_report_is_refused() {
            fixture.given(REGISTERED, ASSIGNED, used(120, "u-1", 120))
                    .when(new RecordUsageCommand(P, C, UsageMetric.MESSAGES, 121, "u-1"))
                    .expectNoEvents()
                    .expectException(domainError(ErrorCode.USAGE_ID_CONFLICT, "usageId"));
        }

        @Test
        void usage_is_recorded_and_a_repeated_usage_id_records_nothing() {
            fixture.given(REGISTERED, ASSIGNED)
                    .when(new RecordUsageCommand(P, C, UsageMetric.MESSAGES, 120, "u-1"))
                    .expectEvents(used(120, "u-1", 120));
            fixture.given(REGISTERED, ASSIGNED,
                            used(120, "u-1", 120))
                    .when(new RecordUsageCommand(P, C, UsageMetric.MESSAGES, 120, "u-1"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void reaching_a_limit_is_an_event_once_per_period() {
            fixture.given(REGISTERED, ASSIGNED,
                            used(9_990, "u-1", 9_990))
                    .when(new RecordUsageCommand(P, C, UsageMetric.MESSAGES, 20, "u-2"))
                    .expectEvents(used(20, "u-2", 10_010),
                            new UsageLimitReachedEvent(C, P, UsageMetric.MESSAGES, 10_000, 10_010, T0));
            fixture.given(REGISTERED, ASSIGNED,
                            used(10_010, "u-1", 10_010),
                            new UsageLimitReachedEvent(C, P, UsageMetric.MESSAGES, 10_000, 10_010, T0))
                    .when(new RecordUsageCommand(P, C, UsageMetric.MESSAGES, 5, "u-3"))
                    .expectEvents(used(5, "u-3", 10_015));
        }

        @Test
        void a_new_usage_month_counts_usage_and_limits_from_zero() {
            at(END);
            fixture.given(REGISTERED, ASSIGNED,
                            used(10_010, "u-1", 10_010),
                            new UsageLimitReachedEvent(C, P, UsageMetric.MESSAGES, 10_000, 10_010, T0),
                            new SubscriptionRenewedEvent(C, P, END, BillingCycle.MONTHLY.periodEnd(END), T0))
                    .when(new RecordUsageCommand(P, C, UsageMetric.MESSAGES, 10_000, "u-2"))
                    .expectEvents(new UsageRecordedEvent(C, P, UsageMetric.MESSAGES, 10_000, "u-2", END,
                                    BillingCycle.MONTHLY.periodEnd(END), 10_000, END),
                            new UsageLimitReachedEvent(C, P, UsageMetric.MESSAGES, 10_000, 10_000, END));
        }

        @Test
        void add_ons_raise_the_usage_limit() {
            fixture.given(REGISTERED, ASSIGNED, new AddOnAttachedEvent(C, P, "EXTRA_MSGS", 1),
                            used(10_010, "u-1", 10_010))
                    .when(new RecordUsageCommand(P, C, UsageMetric.MESSAGES, 1, "u-2"))
                    .expectEvents(used(1, "u-2", 10_011));
        }
    }

    @Nested
    class Rule_Grandfathering {

        static final PlanTerms REVISED = TestTerms.withMonthly(GOLD_TERMS, "549");
        static final SubscriptionTerms GOLD_R2 = SubscriptionTerms.of("gold", GOLD, 2, REVISED, BillingCycle.MONTHLY);

        @Test
        void new_assignments_get_the_latest_revision() {
            plans.put("gold", offer("gold", 2, REVISED, PlanStatus.ACTIVE, false));
            fixture.given(REGISTERED)
                    .when(new AssignPlanCommand(P, C, "gold", BillingCycle.MONTHLY, null))
                    .expectEvents(new CustomerPlanAssignedEvent(C, P, GOLD_R2, T0, END, null, T0),
                            invoice(1, InvoiceReason.SUBSCRIPTION_START, T0, List.of(new InvoiceLine(
                                            InvoiceLineKind.PLAN, "gold revision 2, MONTHLY", 1,
                                            new BigDecimal("549.00"), new BigDecimal("549.00"), T0, END)), "549.00",
                                    "98.82", "647.82", "0.00", "647.82", "0.00"),
                            PAST_DUE_1);
        }

        @Test
        void migrate_now_moves_the_customer_to_the_latest_revision() {
            fixture.given(REGISTERED, ASSIGNED)
                    .when(new MigrateSubscriptionCommand(P, C, "gold", 2, GOLD, REVISED, MigrationEffective.NOW,
                            "job-1"))
                    .expectEvents(new SubscriptionMigratedEvent(C, P, "job-1", 1, GOLD_R2, List.of()))
                    .expectResultMessagePayload(MigrationOutcome.MIGRATED);
        }

        @Test
        void migrate_at_next_renewal_waits_for_the_renewal() {
            fixture.given(REGISTERED, ASSIGNED)
                    .when(new MigrateSubscriptionCommand(P, C, "gold", 2, GOLD, REVISED,
                            MigrationEffective.NEXT_RENEWAL, "job-1"))
                    .expectEvents(new SubscriptionMigrationScheduledEvent(C, P, "job-1", 1, GOLD_R2))
                    .expectResultMessagePayload(MigrationOutcome.SCHEDULED);
            at(END);
            Instant end2 = BillingCycle.MONTHLY.periodEnd(END);
            fixture.given(REGISTERED, ASSIGNED, new SubscriptionMigrationScheduledEvent(C, P, "job-1", 1, GOLD_R2))
                    .when(new ApplyDueTransitionsCommand(P, C))
                    .expectEvents(new SubscriptionMigratedEvent(C, P, "job-1", 1, GOLD_R2, List.of()),
                            new SubscriptionRenewedEvent(C, P, END, end2, T0),
                            invoice(1, InvoiceReason.RENEWAL, END, List.of(new InvoiceLine(InvoiceLineKind.PLAN,
                                            "gold revision 2, MONTHLY", 1, new BigDecimal("549.00"),
                                            new BigDecimal("549.00"), END, end2)), "549.00", "98.82", "647.82",
                                    "0.00", "647.82", "0.00"),
                            new CustomerPastDueEvent(C, P, "INV-1", END, END.plus(Duration.ofDays(7))));
        }

        @Test
        void migrate_changes_nothing_for_a_customer_already_current_or_elsewhere() {
            fixture.given(REGISTERED, ASSIGNED, new SubscriptionMigratedEvent(C, P, "job-1", 1, GOLD_R2, List.of()))
                    .when(new MigrateSubscriptionCommand(P, C, "gold", 2, GOLD, REVISED, MigrationEffective.NOW,
                            "job-1"))
                    .expectNoEvents()
                    .expectResultMessagePayload(MigrationOutcome.ALREADY_CURRENT);
            fixture.given(REGISTERED, ASSIGNED)
                    .when(new MigrateSubscriptionCommand(P, C, "silver", 2, PlanName.of("silver"), REVISED,
                            MigrationEffective.NOW, "job-1"))
                    .expectNoEvents()
                    .expectResultMessagePayload(MigrationOutcome.NOT_ON_PLAN);
        }

        @Test
        void migrate_keeps_a_customer_whose_cycle_the_new_revision_drops() {
            PlanTerms yearlyOnly = new PlanTerms("Gold", "INR", Map.of(BillingCycle.YEARLY, new BigDecimal("4990")),
                    GOLD_TERMS.tax(), GOLD_TERMS.limits(), 0, 7, List.of(), List.of(), null);
            fixture.given(REGISTERED, ASSIGNED)
                    .when(new MigrateSubscriptionCommand(P, C, "gold", 2, GOLD, yearlyOnly, MigrationEffective.NOW,
                            "job-1"))
                    .expectNoEvents()
                    .expectResultMessagePayload(MigrationOutcome.CYCLE_NOT_OFFERED);
        }
    }
}
