package com.planledger.domain.upcasting;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.planledger.domain.customer.CustomerPastDueEvent;
import com.planledger.domain.customer.CustomerPlanAssignedEvent;
import com.planledger.domain.customer.CustomerPlanChangedEvent;
import com.planledger.domain.customer.PaymentRecordedEvent;
import com.planledger.domain.customer.SubscriptionMigratedEvent;
import com.planledger.domain.customer.SubscriptionMigrationScheduledEvent;
import com.planledger.domain.customer.SubscriptionRenewedEvent;
import com.planledger.domain.customer.UsageRecordedEvent;
import com.planledger.domain.plan.PlanRecommendationWithdrawnEvent;
import com.planledger.domain.plan.PlanRecommendedEvent;

import java.util.List;
import java.util.Map;

/** Every upcaster of the domain's events, in the order they apply. The application registers each as a bean. */
public final class EventUpcasters {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Subscription terms carry the integrations they allow from revision 2 of the events that record terms. */
    private static final String SUBSCRIPTION_INTEGRATIONS = "subscription.integrations";

    private EventUpcasters() {
    }

    /** PlanRecommendedEvent 1 to 2: no plan replaced, slot generation 0 (before every slot generation). */
    public static FieldsUpcaster planRecommendedV2() {
        return new FieldsUpcaster(PlanRecommendedEvent.class, "1", "2",
                Map.of("replaces", JSON.nullNode(), "slotGeneration", JSON.numberNode(0L)));
    }

    /** PlanRecommendationWithdrawnEvent 1 to 2: the replacing plan was not recorded. */
    public static FieldsUpcaster planRecommendationWithdrawnV2() {
        return new FieldsUpcaster(PlanRecommendationWithdrawnEvent.class, "1", "2",
                Map.of("replacedBy", JSON.nullNode()));
    }

    /** CustomerPlanAssignedEvent 1 to 2: no anchor recorded (the period start of a paid first period). */
    public static FieldsUpcaster customerPlanAssignedV2() {
        return new FieldsUpcaster(CustomerPlanAssignedEvent.class, "1", "2", Map.of("anchor", JSON.nullNode(),
                SUBSCRIPTION_INTEGRATIONS, JSON.arrayNode()));
    }

    /** CustomerPlanChangedEvent 1 to 2: no time, not prorated, the running period kept its dates. */
    public static FieldsUpcaster customerPlanChangedV2() {
        return new FieldsUpcaster(CustomerPlanChangedEvent.class, "1", "2", Map.of("effectiveAt", JSON.nullNode(),
                "proration", JSON.textNode("NONE"), "periodStart", JSON.nullNode(), "periodEnd", JSON.nullNode(),
                "anchor", JSON.nullNode(), SUBSCRIPTION_INTEGRATIONS, JSON.arrayNode()));
    }

    /** SubscriptionMigrationScheduledEvent 1 to 2: the terms recorded no integrations. */
    public static FieldsUpcaster subscriptionMigrationScheduledV2() {
        return new FieldsUpcaster(SubscriptionMigrationScheduledEvent.class, "1", "2",
                Map.of(SUBSCRIPTION_INTEGRATIONS, JSON.arrayNode()));
    }

    /** SubscriptionMigratedEvent 1 to 2: the terms recorded no integrations. */
    public static FieldsUpcaster subscriptionMigratedV2() {
        return new FieldsUpcaster(SubscriptionMigratedEvent.class, "1", "2",
                Map.of(SUBSCRIPTION_INTEGRATIONS, JSON.arrayNode()));
    }

    /** PaymentRecordedEvent 1 to 2: the prepaid count goes; it settled no invoice and left the credit as it was. */
    public static FieldsUpcaster paymentRecordedV2() {
        return new FieldsUpcaster(PaymentRecordedEvent.class, "1", "2",
                Map.of("allocations", JSON.arrayNode(), "creditAfter", JSON.nullNode())).removing("prepaidPeriods");
    }

    /** SubscriptionRenewedEvent 1 to 2: the prepaid count goes; the anchor stays as it was. */
    public static FieldsUpcaster subscriptionRenewedV2() {
        return new FieldsUpcaster(SubscriptionRenewedEvent.class, "1", "2", Map.of("anchor", JSON.nullNode()))
                .removing("prepaidPeriods");
    }

    /** CustomerPastDueEvent 1 to 2: the end of the unpaid period is the due instant; no invoice. */
    public static FieldsUpcaster customerPastDueV2() {
        return new FieldsUpcaster(CustomerPastDueEvent.class, "1", "2", Map.of("invoiceNumber", JSON.nullNode()))
                .renaming("periodEnd", "dueAt");
    }

    /** UsageRecordedEvent 1 to 2: the billing period's start is read as the window's start; no end, no time. */
    public static FieldsUpcaster usageRecordedV2() {
        return new FieldsUpcaster(UsageRecordedEvent.class, "1", "2",
                Map.of("windowEnd", JSON.nullNode(), "at", JSON.nullNode())).renaming("periodStart", "windowStart");
    }

    public static List<FieldsUpcaster> all() {
        return List.of(planRecommendedV2(), planRecommendationWithdrawnV2(), customerPlanAssignedV2(),
                customerPlanChangedV2(), subscriptionMigrationScheduledV2(), subscriptionMigratedV2(),
                paymentRecordedV2(), subscriptionRenewedV2(), customerPastDueV2(),
                usageRecordedV2());
    }
}
