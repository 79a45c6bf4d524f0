package com.planledger.command.customer;

import com.planledger.domain.DomainException;
import com.planledger.domain.ErrorCode;
import com.planledger.domain.Ids;
import com.planledger.domain.billing.Periods;
import com.planledger.domain.customer.RecordUsageCommand;
import com.planledger.domain.customer.UsageLevelSetEvent;
import com.planledger.domain.customer.UsageLimitReachedEvent;
import com.planledger.domain.customer.UsageMetric;
import com.planledger.domain.customer.UsageRecordedEvent;
import com.planledger.domain.plan.Limit;

import java.time.Instant;

import static com.planledger.domain.DomainException.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The usage decisions of one customer (BILLING.md, Usage): per-month metrics count per usage month, counted in
 * monthly windows from the anchor day whatever the cycle (from the subscription's start while there is no anchor
 * yet, in the trial); level metrics are set by each report. A usage id is remembered for at least 35 days: the
 * same report again records nothing, another report under it is refused.
 */
final class UsageMeter {

    private final String customerId;
    private final String partnerId;
    private final CustomerFacts facts;

    UsageMeter(String customerId, String partnerId, CustomerFacts facts) {
        this.customerId = customerId;
        this.partnerId = partnerId;
        this.facts = facts;
    }

    void record(RecordUsageCommand command, Instant now) {
        UsageMetric metric = command.metric();
        require(metric != null, "metric", "must be messages, whatsappConversations, contacts or workspaces");
        Ids.require(command.usageId(), "usageId");
        long amount;
        if (metric.isLevel()) {
            require(command.quantity() == null, "quantity", metric.key() + " is a level: report it as level");
            require(command.level() != null && command.level() >= 0, "level", "must be a whole number >= 0");
            amount = command.level();
        } else {
            require(command.level() == null, "level", metric.key() + " is counted per month: report a quantity");
            require(command.quantity() != null && command.quantity() >= 1, "quantity",
                    "must be a whole number >= 1");
            amount = command.quantity();
        }
        CustomerFacts.UsageReport earlier = facts.usageReports.get(command.usageId());
        if (earlier != null) {
            if (earlier.metric() == metric && earlier.amount() == amount) {
                return; // reported before: recorded once
            }
            throw new DomainException(ErrorCode.USAGE_ID_CONFLICT, "usageId", "the usage id " + command.usageId()
                    + " was recorded for " + earlier.amount() + " " + earlier.metric().key());
        }
        Limit limit = facts.subscription.effectiveLimits(facts.addOns).get(metric.limit());
        if (metric.isLevel()) {
            long previous = facts.levels.getOrDefault(metric, 0L);
            apply(new UsageLevelSetEvent(customerId, partnerId, metric, amount, previous, command.usageId(), now));
            if (!limit.isUnlimited() && amount >= limit.value() && previous < limit.value()) {
                apply(new UsageLimitReachedEvent(customerId, partnerId, metric, limit.value(), amount, null));
            }
            return;
        }
        Instant base = facts.anchor != null ? facts.anchor : facts.periodStart;
        Periods.Window window = Periods.monthWindow(base, now);
        long used = (window.from().equals(facts.usageWindowStart) ? facts.usage.getOrDefault(metric, 0L) : 0L)
                + amount;
        apply(new UsageRecordedEvent(customerId, partnerId, metric, amount, command.usageId(), window.from(),
                window.to(), used, now));
        if (!limit.isUnlimited() && used >= limit.value() && !facts.limitsReached.contains(metric)) {
            apply(new UsageLimitReachedEvent(customerId, partnerId, metric, limit.value(), used, window.from()));
        }
    }
}
