package com.planledger.domain;

import com.planledger.domain.billing.ChangeEffective;
import com.planledger.domain.billing.InvoiceLine;
import com.planledger.domain.billing.InvoiceLineKind;
import com.planledger.domain.billing.InvoiceReason;
import com.planledger.domain.billing.InvoiceTax;
import com.planledger.domain.billing.PaymentAllocation;
import com.planledger.domain.billing.Proration;
import com.planledger.domain.customer.AddOnAttachedEvent;
import com.planledger.domain.customer.InvoiceIssuedEvent;
import com.planledger.domain.customer.PastDueSettledEvent;
import com.planledger.domain.customer.ScheduledChangeRemovedEvent;
import com.planledger.domain.customer.SubscriptionCancellationScheduledEvent;
import com.planledger.domain.customer.SubscriptionCancelledEvent;
import com.planledger.domain.customer.SubscriptionChangeScheduledEvent;
import com.planledger.domain.customer.SubscriptionReactivatedEvent;
import com.planledger.domain.customer.UsageLevelSetEvent;
import com.planledger.domain.customer.AddOnDetachedEvent;
import com.planledger.domain.customer.BlockReason;
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
import com.planledger.domain.customer.EmailAddress;
import com.planledger.domain.customer.PaymentRecordedEvent;
import com.planledger.domain.customer.SubscriptionMigratedEvent;
import com.planledger.domain.customer.SubscriptionMigrationScheduledEvent;
import com.planledger.domain.customer.SubscriptionRenewedEvent;
import com.planledger.domain.customer.SubscriptionTerms;
import com.planledger.domain.customer.UsageLimitReachedEvent;
import com.planledger.domain.customer.UsageMetric;
import com.planledger.domain.customer.UsageRecordedEvent;
import com.planledger.domain.customer.UserRole;
import com.planledger.domain.plan.AddOnOffer;
import com.planledger.domain.plan.BillingCycle;
import com.planledger.domain.plan.Limit;
import com.planledger.domain.plan.LimitKind;
import com.planledger.domain.plan.Limits;
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
import com.planledger.domain.plan.RecommendationWithdrawalReason;
import com.planledger.domain.plan.Tax;
import com.planledger.domain.plan.Visibility;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One realistic instance of every event, for the approval tests. */
final class SampleEvents {

    static final Instant T0 = Instant.parse("2026-01-15T10:00:00Z");
    static final PlanName GOLD = PlanName.of("gold");

    private SampleEvents() {
    }

    static PlanTerms terms() {
        return new PlanTerms("Gold", "INR",
                Map.of(BillingCycle.MONTHLY, new BigDecimal("499"), BillingCycle.YEARLY, new BigDecimal("4990.00")),
                new Tax(true, new BigDecimal("18"), false),
                new Limits(Limit.of(10_000), Limit.of(1_000), Limit.of(5), Limit.of(2), Limit.of(5),
                        Limit.unlimited()),
                14, 7, List.of("zapier", "hubspot"),
                List.of(new AddOnOffer("EXTRA_MSGS", "5,000 extra messages",
                        Map.of(BillingCycle.MONTHLY, new BigDecimal("99")), Map.of(LimitKind.MESSAGES, 5_000L))),
                null);
    }

    static SubscriptionTerms subscription() {
        return SubscriptionTerms.of("gold", GOLD, 2, terms(), BillingCycle.MONTHLY);
    }

    static List<Object> all() {
        String p = "acme";
        String c = "customer-1";
        return List.of(
                new PlanCreatedEvent("gold", p, PlanType.USAGE_BASED, GOLD, Visibility.PUBLIC, 1, terms()),
                new PlanRevisedEvent("gold", p, 2, GOLD, terms(), List.of("prices.MONTHLY", "limits.teamMembers")),
                new PlanDuplicatedEvent("gold-copy", p, PlanType.USAGE_BASED, PlanName.of("gold copy"), 1, terms(),
                        "gold", 2),
                new PlanActivatedEvent("gold", p),
                new PlanDeactivatedEvent("gold", p),
                new PlanVisibilityChangedEvent("gold", p, Visibility.PRIVATE),
                new PlanArchivedEvent("gold", p),
                new PlanRestoredEvent("gold", p),
                new PlanRecommendedEvent("gold", p, "silver", 3),
                new PlanRecommendationWithdrawnEvent("gold", p, RecommendationWithdrawalReason.REPLACED, "platinum"),
                new PlanSubscriberMigrationRequestedEvent("gold", p, "job-1", 2, MigrationEffective.NEXT_RENEWAL,
                        GOLD, terms()),
                new CustomerRegisteredEvent(c, p, CompanyName.of("Acme Corp"), EmailAddress.of("ops@acme.example")),
                new CustomerProfileUpdatedEvent(c, p, CompanyName.of("Acme Inc"), EmailAddress.of("ops@acme.example"),
                        List.of("companyName")),
                new CustomerPlanAssignedEvent(c, p, subscription(), T0, Instant.parse("2026-01-29T10:00:00Z"),
                        Instant.parse("2026-01-29T10:00:00Z"), null),
                new CustomerPlanChangedEvent(c, p, "silver", 1, BillingCycle.YEARLY, subscription(),
                        List.of("EXTRA_SEATS"), T0, Proration.PRORATE, T0, Instant.parse("2026-02-15T10:00:00Z"),
                        T0),
                new SubscriptionMigrationScheduledEvent(c, p, "job-1", 1, subscription()),
                new SubscriptionMigratedEvent(c, p, "job-1", 1, subscription(), List.of()),
                new PaymentRecordedEvent(c, p, new BigDecimal("600.00"), "INR", "pay-2026-01", T0,
                        List.of(new PaymentAllocation("INV-7", new BigDecimal("588.82"))), new BigDecimal("11.18")),
                new SubscriptionRenewedEvent(c, p, Instant.parse("2026-01-29T10:00:00Z"),
                        Instant.parse("2026-02-28T10:00:00Z"), Instant.parse("2026-01-29T10:00:00Z")),
                new CustomerPastDueEvent(c, p, "INV-8", Instant.parse("2026-02-28T10:00:00Z"),
                        Instant.parse("2026-03-07T10:00:00Z")),
                new InvoiceIssuedEvent(c, p, "INV-8", "INV-", 8, InvoiceReason.RENEWAL, "INR",
                        Instant.parse("2026-02-28T10:00:00Z"), Instant.parse("2026-02-28T10:00:00Z"),
                        List.of(new InvoiceLine(InvoiceLineKind.PLAN, "gold revision 2, MONTHLY", 1,
                                new BigDecimal("499.00"), new BigDecimal("499.00"),
                                Instant.parse("2026-02-28T10:00:00Z"), Instant.parse("2026-03-29T10:00:00Z"))),
                        new BigDecimal("499.00"), new InvoiceTax(new BigDecimal("18"), false, new BigDecimal("89.82")),
                        new BigDecimal("588.82"), new BigDecimal("11.18"), new BigDecimal("577.64"),
                        new BigDecimal("0.00")),
                new PastDueSettledEvent(c, p, T0),
                new SubscriptionChangeScheduledEvent(c, p, subscription(), Instant.parse("2026-02-28T10:00:00Z")),
                new ScheduledChangeRemovedEvent(c, p, "gold", 2, BillingCycle.MONTHLY),
                new SubscriptionCancellationScheduledEvent(c, p, "moving to another provider",
                        Instant.parse("2026-02-28T10:00:00Z")),
                new SubscriptionReactivatedEvent(c, p, Instant.parse("2026-02-28T10:00:00Z")),
                new SubscriptionCancelledEvent(c, p, "gold", 2, ChangeEffective.PERIOD_END,
                        "moving to another provider", Instant.parse("2026-02-28T10:00:00Z")),
                new UsageLevelSetEvent(c, p, UsageMetric.CONTACTS, 1_200, 1_350, "contacts-2026-01-15", T0),
                new CustomerBlockedEvent(c, p, BlockReason.MANUAL, "abuse reported", T0),
                new CustomerUnblockedEvent(c, p, BlockReason.PAYMENT_OVERDUE, T0),
                new CustomerUserAddedEvent(c, p, "user-1", EmailAddress.of("ana@acme.example"), UserRole.ADMIN),
                new CustomerUserRoleChangedEvent(c, p, "user-1", UserRole.ADMIN, UserRole.MEMBER),
                new CustomerUserRemovedEvent(c, p, "user-1"),
                new AddOnAttachedEvent(c, p, "EXTRA_MSGS", 2),
                new AddOnDetachedEvent(c, p, "EXTRA_MSGS"),
                new UsageRecordedEvent(c, p, UsageMetric.MESSAGES, 120, "usage-42", T0,
                        Instant.parse("2026-02-15T10:00:00Z"), 9_120, T0),
                new UsageLimitReachedEvent(c, p, UsageMetric.MESSAGES, 10_000, 10_020, T0));
    }
}
