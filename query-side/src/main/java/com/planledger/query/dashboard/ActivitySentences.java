package com.planledger.query.dashboard;

import com.planledger.domain.audit.AuditMetadata;
import com.planledger.domain.customer.AddOnAttachedEvent;
import com.planledger.domain.customer.AddOnDetachedEvent;
import com.planledger.domain.customer.BlockReason;
import com.planledger.domain.customer.CustomerBlockedEvent;
import com.planledger.domain.customer.CustomerEvent;
import com.planledger.domain.customer.CustomerPastDueEvent;
import com.planledger.domain.customer.CustomerPlanAssignedEvent;
import com.planledger.domain.customer.CustomerPlanChangedEvent;
import com.planledger.domain.customer.CustomerProfileUpdatedEvent;
import com.planledger.domain.customer.CustomerRegisteredEvent;
import com.planledger.domain.customer.CustomerUnblockedEvent;
import com.planledger.domain.customer.CustomerUserAddedEvent;
import com.planledger.domain.customer.CustomerUserRemovedEvent;
import com.planledger.domain.customer.CustomerUserRoleChangedEvent;
import com.planledger.domain.customer.PaymentRecordedEvent;
import com.planledger.domain.customer.SubscriptionMigratedEvent;
import com.planledger.domain.customer.SubscriptionMigrationScheduledEvent;
import com.planledger.domain.customer.SubscriptionRenewedEvent;
import com.planledger.domain.customer.UsageLimitReachedEvent;
import com.planledger.domain.customer.UsageRecordedEvent;
import com.planledger.domain.customer.InvoiceIssuedEvent;
import com.planledger.domain.customer.PastDueSettledEvent;
import com.planledger.domain.customer.ScheduledChangeRemovedEvent;
import com.planledger.domain.customer.SubscriptionCancellationScheduledEvent;
import com.planledger.domain.customer.SubscriptionCancelledEvent;
import com.planledger.domain.customer.SubscriptionChangeScheduledEvent;
import com.planledger.domain.customer.SubscriptionReactivatedEvent;
import com.planledger.domain.customer.UsageLevelSetEvent;
import com.planledger.domain.plan.MigrationEffective;
import com.planledger.domain.plan.PlanActivatedEvent;
import com.planledger.domain.plan.PlanArchivedEvent;
import com.planledger.domain.plan.PlanCreatedEvent;
import com.planledger.domain.plan.PlanDeactivatedEvent;
import com.planledger.domain.plan.PlanDuplicatedEvent;
import com.planledger.domain.plan.PlanEvent;
import com.planledger.domain.plan.PlanRecommendationWithdrawnEvent;
import com.planledger.domain.plan.PlanRecommendedEvent;
import com.planledger.domain.plan.PlanRestoredEvent;
import com.planledger.domain.plan.PlanRevisedEvent;
import com.planledger.domain.plan.PlanSubscriberMigrationRequestedEvent;
import com.planledger.domain.plan.PlanVisibilityChangedEvent;
import com.planledger.domain.plan.RecommendationWithdrawalReason;
import com.planledger.domain.plan.Visibility;
import com.planledger.query.catalog.PlanState;
import com.planledger.query.customers.CustomerRecord;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The dashboard's recent activity: each event as a sentence a person can read ("Plan Gold archived by api-key
 * ops-1", "Customer Acme blocked: payment overdue"). Usage reports are not activity (too many, too small); reaching
 * a limit is.
 */
final class ActivitySentences {

    private ActivitySentences() {
    }

    /** The actor as a person reads it: {@code api-key:ops-1} is "api-key ops-1"; the service itself is nobody. */
    static String by(String actor) {
        if (actor == null || actor.isBlank() || AuditMetadata.SYSTEM.equals(actor)) {
            return "";
        }
        return " by " + actor.replaceFirst(":", " ");
    }

    static String plan(PlanEvent event, PlanState after, String actor) {
        String plan = "Plan " + after.terms().displayName();
        String by = by(actor);
        if (event instanceof PlanCreatedEvent) {
            return plan + " created" + by;
        }
        if (event instanceof PlanDuplicatedEvent e) {
            return plan + " created as a copy of plan " + e.sourcePlanId() + " (revision " + e.sourceRevision()
                    + ")" + by;
        }
        if (event instanceof PlanRevisedEvent e) {
            return plan + " revised to revision " + e.revision() + " (" + String.join(", ", e.changedFields()) + ")"
                    + by;
        }
        if (event instanceof PlanActivatedEvent) {
            return plan + " activated" + by;
        }
        if (event instanceof PlanDeactivatedEvent) {
            return plan + " deactivated" + by;
        }
        if (event instanceof PlanVisibilityChangedEvent e) {
            return plan + " made " + (e.visibility() == Visibility.PUBLIC ? "public" : "private") + by;
        }
        if (event instanceof PlanArchivedEvent) {
            return plan + " archived" + by;
        }
        if (event instanceof PlanRestoredEvent) {
            return plan + " restored" + by;
        }
        if (event instanceof PlanRecommendedEvent) {
            return plan + " recommended" + by;
        }
        if (event instanceof PlanRecommendationWithdrawnEvent e) {
            String why = e.reason() == RecommendationWithdrawalReason.REPLACED && e.replacedBy() != null
                    ? " (replaced by plan " + e.replacedBy() + ")" : withdrawal(e.reason());
            return plan + " no longer recommended" + why + by;
        }
        if (event instanceof PlanSubscriberMigrationRequestedEvent e) {
            return "Subscribers of plan " + after.terms().displayName() + " to move to revision " + e.toRevision()
                    + (e.effective() == MigrationEffective.NOW ? " now" : " at their next renewal") + by;
        }
        return plan + ": " + event.getClass().getSimpleName();
    }

    private static String withdrawal(RecommendationWithdrawalReason reason) {
        return switch (reason) {
            case WITHDRAWN -> "";
            case REPLACED -> " (another plan recommended)";
            case DEACTIVATED -> " (deactivated)";
            case HIDDEN -> " (made private)";
            case ARCHIVED -> " (archived)";
        };
    }

    /** The sentence of a customer event, or null when the event is not activity. */
    static String customer(CustomerEvent event, CustomerRecord after, String actor) {
        String customer = "Customer " + after.companyName();
        String by = by(actor);
        if (event instanceof CustomerRegisteredEvent) {
            return customer + " registered" + by;
        }
        if (event instanceof CustomerProfileUpdatedEvent e) {
            return customer + " updated (" + String.join(", ", e.changedFields()) + ")" + by;
        }
        if (event instanceof CustomerPlanAssignedEvent e) {
            return customer + " assigned plan " + e.subscription().planName() + " ("
                    + e.subscription().billingCycle().name().toLowerCase(Locale.ROOT) + ")"
                    + (e.trialEndsAt() != null ? ", trial until " + day(e.trialEndsAt()) : "") + by;
        }
        if (event instanceof CustomerPlanChangedEvent e) {
            return customer + " moved from plan " + e.previousPlanId() + " to plan " + e.subscription().planName()
                    + " (" + e.subscription().billingCycle().name().toLowerCase(Locale.ROOT) + ")" + by;
        }
        if (event instanceof SubscriptionMigrationScheduledEvent e) {
            return customer + " to move to revision " + e.subscription().planRevision() + " of plan "
                    + e.subscription().planName() + " at its next renewal";
        }
        if (event instanceof SubscriptionMigratedEvent e) {
            return customer + " moved to revision " + e.subscription().planRevision() + " of plan "
                    + e.subscription().planName();
        }
        if (event instanceof PaymentRecordedEvent e) {
            return customer + " paid " + e.amount().toPlainString() + " " + e.currency() + by;
        }
        if (event instanceof SubscriptionRenewedEvent e) {
            return customer + " renewed until " + day(e.periodEnd());
        }
        if (event instanceof CustomerPastDueEvent e) {
            return customer + " past due: grace until " + day(e.graceEndsAt());
        }
        if (event instanceof CustomerBlockedEvent e) {
            return e.reason() == BlockReason.PAYMENT_OVERDUE ? customer + " blocked: payment overdue"
                    : customer + " blocked" + by + ": " + e.note();
        }
        if (event instanceof CustomerUnblockedEvent e) {
            return e.reason() == BlockReason.PAYMENT_OVERDUE ? customer + " unblocked: payment received"
                    : customer + " unblocked" + by;
        }
        if (event instanceof CustomerUserAddedEvent e) {
            return "User " + e.email() + " added to customer " + after.companyName() + " as "
                    + e.role().name().toLowerCase(Locale.ROOT) + by;
        }
        if (event instanceof CustomerUserRoleChangedEvent e) {
            return "User " + e.userId() + " of customer " + after.companyName() + " is now "
                    + e.role().name().toLowerCase(Locale.ROOT) + by;
        }
        if (event instanceof CustomerUserRemovedEvent e) {
            return "User " + e.userId() + " removed from customer " + after.companyName() + by;
        }
        if (event instanceof AddOnAttachedEvent e) {
            return customer + " has " + e.quantity() + " x add-on " + e.code() + by;
        }
        if (event instanceof AddOnDetachedEvent e) {
            return customer + " dropped add-on " + e.code() + by;
        }
        if (event instanceof UsageLimitReachedEvent e) {
            return customer + " reached its " + e.metric().key() + " limit (" + e.limit() + ")";
        }
        if (event instanceof InvoiceIssuedEvent e) {
            return customer + " was invoiced " + e.total().toPlainString() + " " + e.currency() + " (" + e.number()
                    + (e.amountDue().signum() == 0 ? ", paid" : ", " + e.amountDue().toPlainString() + " due") + ")";
        }
        if (event instanceof PastDueSettledEvent) {
            return customer + " settled every overdue invoice";
        }
        if (event instanceof SubscriptionChangeScheduledEvent e) {
            return customer + " will move to plan " + e.subscription().planName() + " (" + e.subscription()
                    .billingCycle() + ") on " + day(e.effectiveAt()) + by;
        }
        if (event instanceof ScheduledChangeRemovedEvent e) {
            return customer + " will stay on its plan: the change to " + e.planId() + " was dropped" + by;
        }
        if (event instanceof SubscriptionCancellationScheduledEvent e) {
            return customer + " cancelled, effective " + day(e.cancelAt()) + by;
        }
        if (event instanceof SubscriptionReactivatedEvent) {
            return customer + " reactivated: it renews again" + by;
        }
        if (event instanceof SubscriptionCancelledEvent e) {
            return customer + "'s subscription to plan " + e.planId() + " ended";
        }
        if (event instanceof UsageRecordedEvent || event instanceof UsageLevelSetEvent) {
            return null;
        }
        return customer + ": " + event.getClass().getSimpleName();
    }

    private static LocalDate day(java.time.Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
