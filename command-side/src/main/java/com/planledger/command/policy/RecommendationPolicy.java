package com.planledger.command.policy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.planledger.command.lookup.LookupCollections;
import com.planledger.command.web.AggregateKind;
import com.planledger.command.web.CommandDispatcher;
import com.planledger.domain.DomainException;
import com.planledger.domain.ErrorCode;
import com.planledger.domain.Ids;
import com.planledger.domain.plan.PlanRecommendationWithdrawnEvent;
import com.planledger.domain.plan.PlanRecommendedEvent;
import com.planledger.domain.plan.RecommendationWithdrawalReason;
import com.planledger.domain.plan.WithdrawPlanRecommendationCommand;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Comparator;

import static com.mongodb.client.model.Filters.eq;

/**
 * Brings the plans' own events in line with the partner's recommended slot: when a plan is recommended (and took
 * the slot, see {@link com.planledger.command.plan.RecommendationSlot}), every other plan of the partner that is
 * still recommended by its events is withdrawn with reason REPLACED, naming the plan that replaced it. Readers
 * never wait for this: they show the slot's holder. The policy keeps, per partner, the plans it saw recommended
 * with each recommendation's slot generation (and global position, for recommendations older than the slot); the
 * latest is the one that stays. Because it decides from that set, events may arrive in any order across plans
 * and a redelivery after a crash only repeats idempotent withdrawals. Runs as a tracking processor, so a crash
 * only delays a withdrawal.
 */
@Component
@ProcessingGroup(RecommendationPolicy.GROUP)
@DisallowReplay
public class RecommendationPolicy {

    public static final String GROUP = "recommendation-policy";
    private static final Logger log = LoggerFactory.getLogger(RecommendationPolicy.class);

    private final MongoCollection<Document> recommendations;
    private final CommandDispatcher commands;

    public RecommendationPolicy(MongoDatabase database, CommandDispatcher commands) {
        this.recommendations = database.getCollection(LookupCollections.RECOMMENDATIONS);
        this.commands = commands;
    }

    @EventHandler
    void on(PlanRecommendedEvent event, TrackingToken token) {
        long position = token.position().orElseThrow(() -> new IllegalStateException("token without position"));
        String key = Ids.asPathSegment(event.planId());
        recommendations.updateOne(eq("_id", event.partnerId()),
                Updates.combine(Updates.set("plans." + key, position),
                        Updates.set("generations." + key, event.slotGeneration())),
                new UpdateOptions().upsert(true));
        Document partner = recommendations.find(eq("_id", event.partnerId())).first();
        Document plans = partner.get("plans", Document.class);
        Document generations = partner.get("generations", Document.class);
        // the slot's generation orders recommendations; the position orders those made before the slot existed
        Comparator<String> order = Comparator.<String>comparingLong(plan -> number(generations, plan))
                .thenComparingLong(plan -> number(plans, plan));
        String latest = plans.keySet().stream().max(order).orElseThrow();
        for (String plan : plans.keySet()) {
            if (!plan.equals(latest)) {
                withdraw(event.partnerId(), Ids.fromPathSegment(plan), Ids.fromPathSegment(latest));
            }
        }
    }

    private static long number(Document values, String key) {
        Object value = values == null ? null : values.get(key);
        return value instanceof Number n ? n.longValue() : 0;
    }

    @EventHandler
    void on(PlanRecommendationWithdrawnEvent event) {
        String key = Ids.asPathSegment(event.planId());
        recommendations.updateOne(eq("_id", event.partnerId()),
                Updates.combine(Updates.unset("plans." + key), Updates.unset("generations." + key)));
    }

    private void withdraw(String partnerId, String planId, String replacedBy) {
        try {
            commands.send(new WithdrawPlanRecommendationCommand(partnerId, planId,
                    RecommendationWithdrawalReason.REPLACED, replacedBy, null), AggregateKind.PLAN);
        } catch (DomainException e) {
            if (e.code() != ErrorCode.PLAN_NOT_FOUND) {
                throw e;
            }
            log.warn("Previously recommended plan {} of partner {} no longer exists", planId, partnerId);
        }
    }
}
