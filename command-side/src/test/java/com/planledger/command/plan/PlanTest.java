package com.planledger.command.plan;

import com.planledger.command.TestTerms;
import com.planledger.domain.CommandResult;
import com.planledger.domain.DomainException;
import com.planledger.domain.ErrorCode;
import com.planledger.domain.plan.ActivatePlanCommand;
import com.planledger.domain.plan.ArchivePlanCommand;
import com.planledger.domain.plan.ChangePlanVisibilityCommand;
import com.planledger.domain.plan.CreatePlanCommand;
import com.planledger.domain.plan.DeactivatePlanCommand;
import com.planledger.domain.plan.DuplicatePlanCommand;
import com.planledger.domain.plan.MigrationEffective;
import com.planledger.domain.plan.PlanActivatedEvent;
import com.planledger.domain.plan.PlanArchivedEvent;
import com.planledger.domain.plan.PlanCreatedEvent;
import com.planledger.domain.plan.PlanDeactivatedEvent;
import com.planledger.domain.plan.PlanDuplicatedEvent;
import com.planledger.domain.plan.PlanName;
import com.planledger.domain.plan.PlanRecommendationWithdrawnEvent;
import com.planledger.domain.plan.PlanRecommendedEvent;
import com.planledger.domain.plan.PlanRestoredEvent;
import com.planledger.domain.plan.PlanRevisedEvent;
import com.planledger.domain.plan.PlanSubscriberMigrationRequestedEvent;
import com.planledger.domain.plan.PlanTerms;
import com.planledger.domain.plan.PlanType;
import com.planledger.domain.plan.PlanVisibilityChangedEvent;
import com.planledger.domain.plan.RecommendPlanCommand;
import com.planledger.domain.plan.RecommendationWithdrawalReason;
import com.planledger.domain.plan.RequestSubscriberMigrationCommand;
import com.planledger.domain.plan.RestorePlanCommand;
import com.planledger.domain.plan.RevisePlanCommand;
import com.planledger.domain.plan.Visibility;
import com.planledger.domain.plan.WithdrawPlanRecommendationCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static com.planledger.command.DomainMatchers.domainError;

/** One or more fixture tests per rule of DOMAIN.md's Plan section, named after the rule. */
class PlanTest {

    static final String P = "partner-1";
    static final String ID = "gold";
    static final PlanTerms TERMS = TestTerms.gold();
    static final PlanCreatedEvent CREATED =
            new PlanCreatedEvent(ID, P, PlanType.USAGE_BASED, TestTerms.GOLD, Visibility.PUBLIC, 1, TERMS);

    private FixtureConfiguration<Plan> fixture;
    private final Map<String, String> takenNames = new HashMap<>();
    /** The partners' recommended slots: holder and generation, as the lookup keeps them. */
    private record Held(String planId, long generation) {
    }

    private final Map<String, Held> slots = new HashMap<>();
    private final RecommendationSlot slot = new RecommendationSlot() {
        @Override
        public Taken take(String partnerId, String planId) {
            Held before = slots.get(partnerId);
            long generation = before == null ? 1 : before.generation() + 1;
            slots.put(partnerId, new Held(planId, generation));
            return new Taken(before == null ? null : before.planId(), generation);
        }

        @Override
        public boolean isHeldBy(String partnerId, String planId) {
            Held held = slots.get(partnerId);
            return held != null && planId.equals(held.planId());
        }
    };

    /** {@code planId} holds the partner's slot at {@code generation} (as after its recommendation was stored). */
    private PlanRecommendedEvent held(String planId, long generation) {
        slots.put(P, new Held(planId, generation));
        return new PlanRecommendedEvent(planId, P, null, generation);
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Plan.class);
        fixture.registerInjectableResource((PlanNames) (partnerId, name, planId) -> {
            String owner = takenNames.get(partnerId + ":" + name.normalized());
            return owner != null && !owner.equals(planId);
        });
        fixture.registerInjectableResource(slot);
    }

    @Nested
    class Rule1_Create {

        @Test
        void create_saves_the_plan_active_public_at_revision_1() {
            fixture.givenNoPriorActivity()
                    .when(new CreatePlanCommand(P, ID, PlanType.USAGE_BASED, TestTerms.GOLD, null, TERMS))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(CREATED)
                    .expectResultMessagePayload(new CommandResult(ID, 0, 1));
        }

        @Test
        void create_may_start_private() {
            fixture.givenNoPriorActivity()
                    .when(new CreatePlanCommand(P, ID, PlanType.USAGE_BASED, TestTerms.GOLD, Visibility.PRIVATE,
                            TERMS))
                    .expectEvents(new PlanCreatedEvent(ID, P, PlanType.USAGE_BASED, TestTerms.GOLD,
                            Visibility.PRIVATE, 1, TERMS));
        }

        @Test
        void create_revenue_sharing_plan_needs_revenue_share() {
            fixture.givenNoPriorActivity()
                    .when(new CreatePlanCommand(P, ID, PlanType.REVENUE_SHARING, TestTerms.GOLD, null, TERMS))
                    .expectNoEvents()
                    .expectException(DomainException.class)
                    .expectExceptionMessage("is required for a REVENUE_SHARING plan");
        }

        @Test
        void create_revenue_sharing_plan_with_its_share() {
            PlanTerms shared = TestTerms.withRevenueShare(TERMS, "20");
            fixture.givenNoPriorActivity()
                    .when(new CreatePlanCommand(P, ID, PlanType.REVENUE_SHARING, TestTerms.GOLD, null, shared))
                    .expectEvents(new PlanCreatedEvent(ID, P, PlanType.REVENUE_SHARING, TestTerms.GOLD,
                            Visibility.PUBLIC, 1, shared));
        }

        @Test
        void create_usage_based_plan_refuses_a_revenue_share() {
            fixture.givenNoPriorActivity()
                    .when(new CreatePlanCommand(P, ID, PlanType.USAGE_BASED, TestTerms.GOLD, null,
                            TestTerms.withRevenueShare(TERMS, "20")))
                    .expectNoEvents()
                    .expectExceptionMessage("is only allowed for a REVENUE_SHARING plan");
        }

        @Test
        void create_refuses_an_invalid_plan_id() {
            fixture.givenNoPriorActivity()
                    .when(new CreatePlanCommand(P, "no spaces allowed", PlanType.USAGE_BASED, TestTerms.GOLD, null,
                            TERMS))
                    .expectNoEvents()
                    .expectException(DomainException.class);
        }
    }

    @Nested
    class Rule_NameUniquePerPartner {

        @Test
        void name_unique_per_partner_refuses_create_with_a_taken_name() {
            takenNames.put(P + ":gold", "other-plan");
            fixture.givenNoPriorActivity()
                    .when(new CreatePlanCommand(P, ID, PlanType.USAGE_BASED, PlanName.of("  GOLD "), null, TERMS))
                    .expectNoEvents()
                    .expectException(domainError(ErrorCode.PLAN_NAME_TAKEN, "name"));
        }

        @Test
        void name_unique_per_partner_allows_the_same_name_for_another_partner() {
            takenNames.put("partner-2:gold", "their-gold");
            fixture.givenNoPriorActivity()
                    .when(new CreatePlanCommand(P, ID, PlanType.USAGE_BASED, TestTerms.GOLD, null, TERMS))
                    .expectEvents(CREATED);
        }

        @Test
        void name_unique_per_partner_refuses_a_rename_to_a_taken_name() {
            takenNames.put(P + ":silver", "silver");
            fixture.given(CREATED)
                    .when(new RevisePlanCommand(P, ID, PlanName.of("Silver"), TERMS, null))
                    .expectNoEvents()
                    .expectException(domainError(ErrorCode.PLAN_NAME_TAKEN));
        }

        @Test
        void name_unique_per_partner_refuses_a_duplicate_with_a_taken_name() {
            takenNames.put(P + ":gold", ID);
            fixture.given(CREATED)
                    .when(new DuplicatePlanCommand(P, ID, "gold-2", PlanName.of("gold"), null))
                    .expectNoEvents()
                    .expectException(domainError(ErrorCode.PLAN_NAME_TAKEN));
        }
    }

    @Nested
    class Rule2_Revise {

        @Test
        void revise_makes_a_new_revision_listing_exactly_the_changed_fields() {
            PlanTerms cheaper = TestTerms.withMonthly(TERMS, "449");
            fixture.given(CREATED)
                    .when(new RevisePlanCommand(P, ID, TestTerms.GOLD, cheaper, null))
                    .expectEvents(new PlanRevisedEvent(ID, P, 2, TestTerms.GOLD, cheaper, List.of("prices.MONTHLY")))
                    .expectResultMessagePayload(new CommandResult(ID, 1, 2));
        }

        @Test
        void revise_lists_limits_and_rename_at_field_level() {
            PlanTerms more = TestTerms.withLimits(TERMS, TestTerms.limits(10));
            fixture.given(CREATED)
                    .when(new RevisePlanCommand(P, ID, PlanName.of("gold-2025"), more, null))
                    .expectEvents(new PlanRevisedEvent(ID, P, 2, PlanName.of("gold-2025"), more,
                            List.of("name", "limits.teamMembers")));
        }

        @Test
        void revise_that_changes_nothing_records_nothing() {
            fixture.given(CREATED)
                    .when(new RevisePlanCommand(P, ID, TestTerms.GOLD, TestTerms.gold(), null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(new CommandResult(ID, 0, 1));
        }

        @Test
        void revise_never_changes_the_plan_type() {
            // a revenue share on a usage-based plan would turn it into another type: refused
            fixture.given(CREATED)
                    .when(new RevisePlanCommand(P, ID, TestTerms.GOLD, TestTerms.withRevenueShare(TERMS, "10"), null))
                    .expectNoEvents()
                    .expectExceptionMessage("is only allowed for a REVENUE_SHARING plan");
        }

        @Test
        void revise_of_an_archived_plan_is_refused() {
            fixture.given(CREATED, new PlanArchivedEvent(ID, P))
                    .when(new RevisePlanCommand(P, ID, TestTerms.GOLD, TestTerms.withMonthly(TERMS, "1"), null))
                    .expectNoEvents()
                    .expectException(domainError(ErrorCode.PLAN_ARCHIVED));
        }

        @Test
        void revise_of_another_partners_plan_finds_no_plan() {
            // plan ids are scoped by partner: partner-2's "gold" is another aggregate, and it does not exist
            fixture.givenNoPriorActivity()
                    .when(new RevisePlanCommand("partner-2", ID, TestTerms.GOLD, TestTerms.withMonthly(TERMS, "1"),
                            null))
                    .expectNoEvents()
                    .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
        }
    }

    @Nested
    class Rule4_Status {

        @Test
        void status_deactivate_then_activate() {
            fixture.given(CREATED)
                    .when(new DeactivatePlanCommand(P, ID, null))
                    .expectEvents(new PlanDeactivatedEvent(ID, P));
            fixture.given(CREATED, new PlanDeactivatedEvent(ID, P))
                    .when(new ActivatePlanCommand(P, ID, null))
                    .expectEvents(new PlanActivatedEvent(ID, P));
        }

        @Test
        void status_toggle_to_the_state_it_has_records_nothing() {
            fixture.given(CREATED)
                    .when(new ActivatePlanCommand(P, ID, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
            fixture.given(CREATED, new PlanDeactivatedEvent(ID, P))
                    .when(new DeactivatePlanCommand(P, ID, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class Rule5_Visibility {

        @Test
        void visibility_private_then_public() {
            fixture.given(CREATED)
                    .when(new ChangePlanVisibilityCommand(P, ID, Visibility.PRIVATE, null))
                    .expectEvents(new PlanVisibilityChangedEvent(ID, P, Visibility.PRIVATE));
            fixture.given(CREATED, new PlanVisibilityChangedEvent(ID, P, Visibility.PRIVATE))
                    .when(new ChangePlanVisibilityCommand(P, ID, Visibility.PUBLIC, null))
                    .expectEvents(new PlanVisibilityChangedEvent(ID, P, Visibility.PUBLIC));
        }

        @Test
        void visibility_unchanged_records_nothing() {
            fixture.given(CREATED)
                    .when(new ChangePlanVisibilityCommand(P, ID, Visibility.PUBLIC, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class Rule6_ArchiveAndRestore {

        @Test
        void archive_retires_the_plan_once() {
            fixture.given(CREATED)
                    .when(new ArchivePlanCommand(P, ID, null))
                    .expectEvents(new PlanArchivedEvent(ID, P));
            fixture.given(CREATED, new PlanArchivedEvent(ID, P))
                    .when(new ArchivePlanCommand(P, ID, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void archive_blocks_activate() {
            fixture.given(CREATED, new PlanDeactivatedEvent(ID, P), new PlanArchivedEvent(ID, P))
                    .when(new ActivatePlanCommand(P, ID, null))
                    .expectNoEvents()
                    .expectException(domainError(ErrorCode.PLAN_ARCHIVED));
        }

        @Test
        void archive_blocks_recommend() {
            fixture.given(CREATED, new PlanArchivedEvent(ID, P))
                    .when(new RecommendPlanCommand(P, ID, null))
                    .expectNoEvents()
                    .expectException(domainError(ErrorCode.PLAN_ARCHIVED));
        }

        @Test
        void restore_brings_an_archived_plan_back_inactive_and_private() {
            fixture.given(CREATED, new PlanArchivedEvent(ID, P))
                    .when(new RestorePlanCommand(P, ID, null))
                    .expectEvents(new PlanRestoredEvent(ID, P));
            // restored: INACTIVE (activate records an event) and PRIVATE (recommend is refused)
            fixture.given(CREATED, new PlanArchivedEvent(ID, P), new PlanRestoredEvent(ID, P))
                    .when(new ActivatePlanCommand(P, ID, null))
                    .expectEvents(new PlanActivatedEvent(ID, P));
            fixture.given(CREATED, new PlanArchivedEvent(ID, P), new PlanRestoredEvent(ID, P),
                            new PlanActivatedEvent(ID, P))
                    .when(new RecommendPlanCommand(P, ID, null))
                    .expectNoEvents()
                    .expectException(domainError(ErrorCode.PLAN_NOT_RECOMMENDABLE));
        }

        @Test
        void restore_of_a_plan_that_is_not_archived_records_nothing() {
            fixture.given(CREATED)
                    .when(new RestorePlanCommand(P, ID, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class Rule7_Duplicate {

        @Test
        void duplicate_copies_the_latest_terms_into_a_new_inactive_private_plan_remembering_its_source() {
            PlanTerms revised = TestTerms.withMonthly(TERMS, "449");
            fixture.given(CREATED, new PlanRevisedEvent(ID, P, 2, TestTerms.GOLD, revised, List.of("prices.MONTHLY")))
                    .when(new DuplicatePlanCommand(P, ID, "gold-copy", PlanName.of("gold copy"), null))
                    .expectEvents(new PlanDuplicatedEvent("gold-copy", P, PlanType.USAGE_BASED,
                            PlanName.of("gold copy"), 1, revised, ID, 2))
                    .expectResultMessagePayload(new CommandResult("gold-copy", 0, 1));
        }

        @Test
        void duplicate_works_from_an_archived_plan_with_a_new_display_name() {
            PlanTerms renamed = new PlanTerms("Gold (2026)", TERMS.currency(), TERMS.prices(), TERMS.tax(),
                    TERMS.limits(), TERMS.trialDays(), TERMS.gracePeriodDays(), TERMS.integrations(), TERMS.addOns(),
                    TERMS.revenueSharePercent());
            fixture.given(CREATED, new PlanArchivedEvent(ID, P))
                    .when(new DuplicatePlanCommand(P, ID, "gold-2026", PlanName.of("gold-2026"), "Gold (2026)"))
                    .expectEvents(new PlanDuplicatedEvent("gold-2026", P, PlanType.USAGE_BASED,
                            PlanName.of("gold-2026"), 1, renamed, ID, 1));
        }
    }

    @Nested
    class Rule8_Recommend {

        @Test
        void recommend_an_active_public_plan_once() {
            fixture.given(CREATED)
                    .when(new RecommendPlanCommand(P, ID, null))
                    .expectEvents(new PlanRecommendedEvent(ID, P, null, 1));
            assertThat(slot.isHeldBy(P, ID)).isTrue();
            fixture.given(CREATED, held(ID, 1))
                    .when(new RecommendPlanCommand(P, ID, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
            assertThat(slots.get(P).generation()).isEqualTo(1);
        }

        @Test
        void recommend_takes_the_partners_one_slot_from_the_plan_holding_it() {
            slots.put(P, new Held("silver", 4));
            fixture.given(CREATED)
                    .when(new RecommendPlanCommand(P, ID, null))
                    .expectEvents(new PlanRecommendedEvent(ID, P, "silver", 5));
            assertThat(slot.isHeldBy(P, "silver")).isFalse();
            assertThat(slot.isHeldBy(P, ID)).isTrue();
        }

        @Test
        void recommend_again_after_being_replaced_takes_the_slot_back() {
            // recommended by its own events, but silver took the slot since (the withdrawal is on its way)
            PlanRecommendedEvent earlier = held(ID, 1);
            slots.put(P, new Held("silver", 2));
            fixture.given(CREATED, earlier)
                    .when(new RecommendPlanCommand(P, ID, null))
                    .expectEvents(new PlanRecommendedEvent(ID, P, "silver", 3));
            // the late withdrawal asked for by silver's recommendation then changes nothing
            fixture.given(CREATED, earlier, new PlanRecommendedEvent(ID, P, "silver", 3))
                    .when(new WithdrawPlanRecommendationCommand(P, ID, RecommendationWithdrawalReason.REPLACED,
                            "silver", null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void recommend_refuses_an_inactive_plan() {
            fixture.given(CREATED, new PlanDeactivatedEvent(ID, P))
                    .when(new RecommendPlanCommand(P, ID, null))
                    .expectNoEvents()
                    .expectException(domainError(ErrorCode.PLAN_NOT_RECOMMENDABLE));
        }

        @Test
        void recommend_refuses_a_private_plan() {
            fixture.given(CREATED, new PlanVisibilityChangedEvent(ID, P, Visibility.PRIVATE))
                    .when(new RecommendPlanCommand(P, ID, null))
                    .expectNoEvents()
                    .expectException(domainError(ErrorCode.PLAN_NOT_RECOMMENDABLE));
        }

        @Test
        void recommend_another_plan_withdraws_the_previous_with_reason_replaced() {
            // the recommendation policy sends this to the previously recommended plan
            PlanRecommendedEvent earlier = held(ID, 1);
            slots.put(P, new Held("silver", 2));
            fixture.given(CREATED, earlier)
                    .when(new WithdrawPlanRecommendationCommand(P, ID, RecommendationWithdrawalReason.REPLACED,
                            "silver", null))
                    .expectEvents(new PlanRecommendationWithdrawnEvent(ID, P, RecommendationWithdrawalReason.REPLACED,
                            "silver"));
        }

        @Test
        void recommend_withdrawn_explicitly_and_only_once() {
            fixture.given(CREATED, held(ID, 1))
                    .when(WithdrawPlanRecommendationCommand.byPartner(P, ID, null))
                    .expectEvents(new PlanRecommendationWithdrawnEvent(ID, P, RecommendationWithdrawalReason.WITHDRAWN,
                            null));
            fixture.given(CREATED)
                    .when(WithdrawPlanRecommendationCommand.byPartner(P, ID, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void recommend_deactivating_the_recommended_plan_withdraws_it() {
            fixture.given(CREATED, held(ID, 1))
                    .when(new DeactivatePlanCommand(P, ID, null))
                    .expectEvents(new PlanDeactivatedEvent(ID, P),
                            new PlanRecommendationWithdrawnEvent(ID, P, RecommendationWithdrawalReason.DEACTIVATED, null));
        }

        @Test
        void recommend_hiding_the_recommended_plan_withdraws_it() {
            fixture.given(CREATED, held(ID, 1))
                    .when(new ChangePlanVisibilityCommand(P, ID, Visibility.PRIVATE, null))
                    .expectEvents(new PlanVisibilityChangedEvent(ID, P, Visibility.PRIVATE),
                            new PlanRecommendationWithdrawnEvent(ID, P, RecommendationWithdrawalReason.HIDDEN, null));
        }

        @Test
        void recommend_archiving_the_recommended_plan_withdraws_it() {
            fixture.given(CREATED, held(ID, 1))
                    .when(new ArchivePlanCommand(P, ID, null))
                    .expectEvents(new PlanArchivedEvent(ID, P),
                            new PlanRecommendationWithdrawnEvent(ID, P, RecommendationWithdrawalReason.ARCHIVED, null));
        }
    }

    @Nested
    class Rule3_Grandfathering {

        @Test
        void migrate_subscribers_records_the_request_with_the_latest_terms() {
            PlanTerms revised = TestTerms.withMonthly(TERMS, "549");
            fixture.given(CREATED, new PlanRevisedEvent(ID, P, 2, TestTerms.GOLD, revised, List.of("prices.MONTHLY")))
                    .when(new RequestSubscriberMigrationCommand(P, ID, "job-1", MigrationEffective.NEXT_RENEWAL))
                    .expectEvents(new PlanSubscriberMigrationRequestedEvent(ID, P, "job-1", 2,
                            MigrationEffective.NEXT_RENEWAL, TestTerms.GOLD, revised));
        }
    }

    @Test
    void version_check_refuses_a_stale_expected_version() {
        fixture.given(CREATED, new PlanDeactivatedEvent(ID, P))
                .when(new ActivatePlanCommand(P, ID, 0L))
                .expectNoEvents()
                .expectException(org.axonframework.modelling.command.ConflictingAggregateVersionException.class);
    }
}
