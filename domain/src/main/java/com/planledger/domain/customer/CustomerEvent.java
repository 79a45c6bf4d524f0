package com.planledger.domain.customer;

import com.planledger.domain.Ids;
import com.planledger.domain.PartnerEvent;

/** Everything that happens to a customer. */
public sealed interface CustomerEvent extends PartnerEvent
        permits CustomerRegisteredEvent, CustomerProfileUpdatedEvent, CustomerPlanAssignedEvent,
        CustomerPlanChangedEvent, SubscriptionMigrationScheduledEvent, SubscriptionMigratedEvent,
        PaymentRecordedEvent, SubscriptionRenewedEvent, CustomerPastDueEvent, CustomerBlockedEvent,
        CustomerUnblockedEvent, CustomerUserAddedEvent, CustomerUserRoleChangedEvent, CustomerUserRemovedEvent,
        AddOnAttachedEvent, AddOnDetachedEvent, UsageRecordedEvent, UsageLimitReachedEvent, InvoiceIssuedEvent,
        PastDueSettledEvent, SubscriptionChangeScheduledEvent, ScheduledChangeRemovedEvent,
        SubscriptionCancellationScheduledEvent, SubscriptionReactivatedEvent, SubscriptionCancelledEvent,
        UsageLevelSetEvent {

    String customerId();

    @Override
    default String key() {
        return Ids.customer(partnerId(), customerId());
    }
}
