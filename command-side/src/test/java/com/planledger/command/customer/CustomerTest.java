package com.planledger.command.customer;

import com.planledger.domain.time.MutableClock;
import com.planledger.command.TestTerms;
import com.planledger.domain.CommandResult;
import com.planledger.domain.ErrorCode;
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
            null);

    private FixtureConfiguration<Customer> fixture;
    private MutableClock clock;
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
                    .expectEvents(REGISTERED, ASSIGNED)
                    .expectResultMessagePayload(new CommandResult(C, 1, null));
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
                            GOLD_TERMS, BillingCycle.YEARLY), T0, BillingCycle.YEARLY.periodEnd(T0), null));
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
                    .when(new AssignPlanCommand(P, C, "silver", BillingCycle.MONTHLY, null))
                    .expectEvents(new CustomerPlanChangedEvent(C, P, "gold", 1, BillingCycle.MONTHLY, silver,
                            List.of("EXTRA_MSGS")));
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
                            PlanName.of("trial"), 1, TRIAL_TERMS, BillingCycle.MONTHLY), T0, trialEnd, trialEnd));
        }

        @Test
        void trial_never_a_second_time_across_plan_changes() {
            plans.put("trial", offer("trial", 1, TRIAL_TERMS, PlanStatus.ACTIVE, false));
            // the first assignment (gold, no trial) was the only chance: a change never starts a trial
            fixture.given(REGISTERED, ASSIGNED)
                    .when(new AssignPlanCommand(P, C, "trial", BillingCycle.MONTHLY, null))
                    .expectEvents(new CustomerPlanChangedEvent(C, P, "gold", 1, BillingCycle.MONTHLY,
                            SubscriptionTerms.of("trial", PlanName.of("trial"), 1, TRIAL_TERMS, BillingCycle.MONTHLY),
                            List.of()));
        }

        @Test
        void trial_that_ends_unpaid_makes_the_customer_past_due() {
            Instant trialEnd = T0.plus(Duration.ofDays(14));
            SubscriptionTerms trial = SubscriptionTerms.of("trial", PlanName.of("trial"), 1, TRIAL_TERMS,
                    BillingCycle.MONTHLY);
            at(trialEnd.plusSeconds(1));
            fixture.given(REGISTERED, new CustomerPlanAssignedEvent(C, P, trial, T0, trialEnd, trialEnd))
                    .when(new ApplyDueTransitionsCommand(P, C))
                    .expectEvents(new CustomerPastDueEvent(C, P, trialEnd, trialEnd.plus(Duration.ofDays(7))))
                    .expectResultMessagePayload(trialEnd.plus(Duration.ofDays(7)));
        }
    }

    @Nested
    class Rule4_PeriodsPaymentsAndGrace {

        @Test
        void a_payment_while_the_period_runs_pays_the_next_period_ahead() {
            fixture.given(REGISTERED, ASSIGNED)
                    .when(new RecordPaymentCommand(P, C, due(), "INR", "pay-1", null))
                    .expectEvents(new PaymentRecordedEvent(C, P, due(), "INR", "pay-1", T0, 1));
        }

        @Test
        void a_period_that_ends_with_a_paid_period_ahead_renews() {
            at(END);
            fixture.given(REGISTERED, ASSIGNED, new PaymentRecordedEvent(C, P, due(), "INR", "pay-1", T0, 1))
                    .when(new ApplyDueTransitionsCommand(P, C))
                    .expectEvents(new SubscriptionRenewedEvent(C, P, END, BillingCycle.MONTHLY.periodEnd(END), 0))
                    .expectResultMessagePayload(BillingCycle.MONTHLY.periodEnd(END));
        }

        @Test
        void a_period_that_ends_unpaid_starts_the_grace_of_the_revision() {
            at(END.plusSeconds(60));
            fixture.given(REGISTERED, ASSIGNED)
                    .when(new ApplyDueTransitionsCommand(P, C))
                    .expectEvents(new CustomerPastDueEvent(C, P, END, END.plus(Duration.ofDays(7))));
        }

        @Test
        void nothing_is_due_before_the_period_ends() {
            at(END.minusSeconds(1));
            fixture.given(REGISTERED, ASSIGNED)
                    .when(new ApplyDueTransitionsCommand(P, C))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(END);
        }

        @Test
        void grace_that_ends_unpaid_blocks_with_payment_overdue() {
            Instant graceEnd = END.plus(Duration.ofDays(7));
            at(graceEnd);
            fixture.given(REGISTERED, ASSIGNED, new CustomerPastDueEvent(C, P, END, graceEnd))
                    .when(new ApplyDueTransitionsCommand(P, C))
                    .expectEvents(new CustomerBlockedEvent(C, P, BlockReason.PAYMENT_OVERDUE, null, graceEnd))
                    .expectResultMessagePayload(null);
        }

        @Test
        void a_clock_far_ahead_applies_every_transition_in_order() {
            Instant graceEnd = END.plus(Duration.ofDays(7));
            at(graceEnd.plus(Duration.ofDays(30)));
            fixture.given(REGISTERED, ASSIGNED)
                    .when(new ApplyDueTransitionsCommand(P, C))
                    .expectEvents(new CustomerPastDueEvent(C, P, END, graceEnd),
                            new CustomerBlockedEvent(C, P, BlockReason.PAYMENT_OVERDUE, null,
                                    graceEnd.plus(Duration.ofDays(30))));
        }

        @Test
        void a_payment_in_grace_renews_from_the_end_of_the_unpaid_period() {
            Instant graceEnd = END.plus(Duration.ofDays(7));
            Instant now = END.plus(Duration.ofDays(3));
            at(now);
            fixture.given(REGISTERED, ASSIGNED, new CustomerPastDueEvent(C, P, END, graceEnd))
                    .when(new RecordPaymentCommand(P, C, due(), "INR", "pay-1", null))
                    .expectEvents(new PaymentRecordedEvent(C, P, due(), "INR", "pay-1", now, 0),
                            new SubscriptionRenewedEvent(C, P, END, BillingCycle.MONTHLY.periodEnd(END), 0));
        }

        @Test
        void a_payment_lifts_the_overdue_block_and_renews_from_now() {
            Instant graceEnd = END.plus(Duration.ofDays(7));
            Instant now = graceEnd.plus(Duration.ofDays(2));
            at(now);
            fixture.given(REGISTERED, ASSIGNED, new CustomerPastDueEvent(C, P, END, graceEnd),
                            new CustomerBlockedEvent(C, P, BlockReason.PAYMENT_OVERDUE, null, graceEnd))
                    .when(new RecordPaymentCommand(P, C, due(), "INR", "pay-1", null))
                    .expectEvents(new PaymentRecordedEvent(C, P, due(), "INR", "pay-1", now, 0),
                            new SubscriptionRenewedEvent(C, P, now, BillingCycle.MONTHLY.periodEnd(now), 0),
                            new CustomerUnblockedEvent(C, P, BlockReason.PAYMENT_OVERDUE, now));
        }

        @Test
        void no_grace_days_block_as_soon_as_the_period_ends_unpaid() {
            PlanTerms noGrace = TestTerms.withTrial(TestTerms.gold(), 0, 0);
            SubscriptionTerms terms = SubscriptionTerms.of("strict", PlanName.of("strict"), 1, noGrace,
                    BillingCycle.MONTHLY);
            at(END);
            fixture.given(REGISTERED, new CustomerPlanAssignedEvent(C, P, terms, T0, END, null))
                    .when(new ApplyDueTransitionsCommand(P, C))
                    .expectEvents(new CustomerPastDueEvent(C, P, END, END),
                            new CustomerBlockedEvent(C, P, BlockReason.PAYMENT_OVERDUE, null, END));
        }

        @Test
        void a_payment_must_be_the_amount_due_in_the_subscription_currency() {
            fixture.given(REGISTERED, ASSIGNED)
                    .when(new RecordPaymentCommand(P, C, new BigDecimal("499.00"), "INR", "pay-1", null))
                    .expectNoEvents()
                    .expectException(domainError(ErrorCode.PAYMENT_AMOUNT_MISMATCH, "amount"));
            fixture.given(REGISTERED, ASSIGNED)
                    .when(new RecordPaymentCommand(P, C, due(), "USD", "pay-1", null))
                    .expectNoEvents()
                    .expectException(domainError(ErrorCode.PAYMENT_CURRENCY_MISMATCH, "currency"));
        }

        @Test
        void the_amount_due_includes_attached_add_ons() {
            BigDecimal withAddOn = GOLD_MONTHLY.amountDue(Map.of("EXTRA_MSGS", 1)); // (499 + 99) * 1.18
            fixture.given(REGISTERED, ASSIGNED, new AddOnAttachedEvent(C, P, "EXTRA_MSGS", 1))
                    .when(new RecordPaymentCommand(P, C, withAddOn, "INR", "pay-1", null))
                    .expectEvents(new PaymentRecordedEvent(C, P, new BigDecimal("705.64"), "INR", "pay-1", T0, 1));
        }

        @Test
        void the_same_payment_reference_is_recorded_once() {
            fixture.given(REGISTERED, ASSIGNED, new PaymentRecordedEvent(C, P, due(), "INR", "pay-1", T0, 1))
                    .when(new RecordPaymentCommand(P, C, due(), "INR", "pay-1", null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void a_payment_without_a_plan_is_refused() {
            fixture.given(REGISTERED)
                    .when(new RecordPaymentCommand(P, C, due(), "INR", "pay-1", null))
                    .expectNoEvents()
                    .expectException(domainError(ErrorCode.NO_SUBSCRIPTION));
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
            Instant graceEnd = END.plus(Duration.ofDays(7));
            at(graceEnd);
            fixture.given(REGISTERED, ASSIGNED, new CustomerPastDueEvent(C, P, END, graceEnd), OVERDUE, MANUAL)
                    .when(new RecordPaymentCommand(P, C, due(), "INR", "pay-1", null))
                    .expectEvents(new PaymentRecordedEvent(C, P, due(), "INR", "pay-1", graceEnd, 0),
                            new SubscriptionRenewedEvent(C, P, graceEnd, BillingCycle.MONTHLY.periodEnd(graceEnd), 0),
                            new CustomerUnblockedEvent(C, P, BlockReason.PAYMENT_OVERDUE, graceEnd));
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
            fixture.given(REGISTERED, new CustomerPlanAssignedEvent(C, P, terms, T0, END, null),
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
            fixture.given(REGISTERED, new CustomerPlanAssignedEvent(C, P, terms, T0, END, null),
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
                    .when(new AssignPlanCommand(P, C, "small", BillingCycle.MONTHLY, null))
                    .expectEvents(new CustomerPlanChangedEvent(C, P, "gold", 1, BillingCycle.MONTHLY, small,
                            List.of()));
            fixture.given(REGISTERED, ASSIGNED, user(1), user(2), user(3),
                            new CustomerPlanChangedEvent(C, P, "gold", 1, BillingCycle.MONTHLY, small, List.of()))
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
            fixture.given(REGISTERED, ASSIGNED)
                    .when(new AttachAddOnCommand(P, C, "EXTRA_MSGS", 3, null))
                    .expectEvents(new AddOnAttachedEvent(C, P, "EXTRA_MSGS", 3));
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
            fixture.given(REGISTERED, ASSIGNED, new AddOnAttachedEvent(C, P, "EXTRA_MSGS", 3))
                    .when(new DetachAddOnCommand(P, C, "EXTRA_MSGS", null))
                    .expectEvents(new AddOnDetachedEvent(C, P, "EXTRA_MSGS"));
            fixture.given(REGISTERED, ASSIGNED)
                    .when(new DetachAddOnCommand(P, C, "EXTRA_MSGS", null))
                    .expectNoEvents()
                    .expectException(domainError(ErrorCode.ADD_ON_NOT_ATTACHED, "code"));
        }
    }

    @Nested
    class Rule8_Usage {

        @Test
        void usage_is_recorded_and_a_repeated_usage_id_records_nothing() {
            fixture.given(REGISTERED, ASSIGNED)
                    .when(new RecordUsageCommand(P, C, UsageMetric.MESSAGES, 120, "u-1"))
                    .expectEvents(new UsageRecordedEvent(C, P, UsageMetric.MESSAGES, 120, "u-1", T0, 120));
            fixture.given(REGISTERED, ASSIGNED,
                            new UsageRecordedEvent(C, P, UsageMetric.MESSAGES, 120, "u-1", T0, 120))
                    .when(new RecordUsageCommand(P, C, UsageMetric.MESSAGES, 120, "u-1"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void reaching_a_limit_is_an_event_once_per_period() {
            fixture.given(REGISTERED, ASSIGNED,
                            new UsageRecordedEvent(C, P, UsageMetric.MESSAGES, 9_990, "u-1", T0, 9_990))
                    .when(new RecordUsageCommand(P, C, UsageMetric.MESSAGES, 20, "u-2"))
                    .expectEvents(new UsageRecordedEvent(C, P, UsageMetric.MESSAGES, 20, "u-2", T0, 10_010),
                            new UsageLimitReachedEvent(C, P, UsageMetric.MESSAGES, 10_000, 10_010, T0));
            fixture.given(REGISTERED, ASSIGNED,
                            new UsageRecordedEvent(C, P, UsageMetric.MESSAGES, 10_010, "u-1", T0, 10_010),
                            new UsageLimitReachedEvent(C, P, UsageMetric.MESSAGES, 10_000, 10_010, T0))
                    .when(new RecordUsageCommand(P, C, UsageMetric.MESSAGES, 5, "u-3"))
                    .expectEvents(new UsageRecordedEvent(C, P, UsageMetric.MESSAGES, 5, "u-3", T0, 10_015));
        }

        @Test
        void a_new_period_counts_usage_and_limits_from_zero() {
            fixture.given(REGISTERED, ASSIGNED,
                            new UsageRecordedEvent(C, P, UsageMetric.MESSAGES, 10_010, "u-1", T0, 10_010),
                            new UsageLimitReachedEvent(C, P, UsageMetric.MESSAGES, 10_000, 10_010, T0),
                            new SubscriptionRenewedEvent(C, P, END, BillingCycle.MONTHLY.periodEnd(END), 0))
                    .when(new RecordUsageCommand(P, C, UsageMetric.MESSAGES, 10_000, "u-2"))
                    .expectEvents(new UsageRecordedEvent(C, P, UsageMetric.MESSAGES, 10_000, "u-2", END, 10_000),
                            new UsageLimitReachedEvent(C, P, UsageMetric.MESSAGES, 10_000, 10_000, END));
        }

        @Test
        void add_ons_raise_the_usage_limit() {
            fixture.given(REGISTERED, ASSIGNED, new AddOnAttachedEvent(C, P, "EXTRA_MSGS", 1),
                            new UsageRecordedEvent(C, P, UsageMetric.MESSAGES, 10_010, "u-1", T0, 10_010))
                    .when(new RecordUsageCommand(P, C, UsageMetric.MESSAGES, 1, "u-2"))
                    .expectEvents(new UsageRecordedEvent(C, P, UsageMetric.MESSAGES, 1, "u-2", T0, 10_011));
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
                    .expectEvents(new CustomerPlanAssignedEvent(C, P, GOLD_R2, T0, END, null));
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
            BigDecimal newDue = GOLD_R2.amountDue();
            fixture.given(REGISTERED, ASSIGNED, new SubscriptionMigrationScheduledEvent(C, P, "job-1", 1, GOLD_R2),
                            new PaymentRecordedEvent(C, P, newDue, "INR", "pay-1", T0, 1))
                    .when(new ApplyDueTransitionsCommand(P, C))
                    .expectEvents(new SubscriptionMigratedEvent(C, P, "job-1", 1, GOLD_R2, List.of()),
                            new SubscriptionRenewedEvent(C, P, END, BillingCycle.MONTHLY.periodEnd(END), 0));
        }

        @Test
        void a_pending_migration_is_paid_at_the_new_price() {
            fixture.given(REGISTERED, ASSIGNED, new SubscriptionMigrationScheduledEvent(C, P, "job-1", 1, GOLD_R2))
                    .when(new RecordPaymentCommand(P, C, due(), "INR", "pay-1", null))
                    .expectNoEvents()
                    .expectException(domainError(ErrorCode.PAYMENT_AMOUNT_MISMATCH, "amount"));
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
