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

import java.util.Map;

import static com.mongodb.client.model.Filters.eq;

/**
 * At most one recommended plan per partner: when a plan is recommended, every other plan of the partner that is
 * still recommended is withdrawn with reason REPLACED. The policy keeps, per partner, the plans it saw recommended
 * and the global position of each recommendation; the latest by position is the one that stays. Because it
 * decides from that set, events may arrive in any order across plans (a JDBC event store can deliver a later
 * position first) and a redelivery after a crash only repeats idempotent withdrawals. Runs as a tracking
 * processor, so a crash only delays a withdrawal.
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
        recommendations.updateOne(eq("_id", event.partnerId()),
                Updates.set("plans." + Ids.asPathSegment(event.planId()), position),
                new UpdateOptions().upsert(true));
        Document partner = recommendations.find(eq("_id", event.partnerId())).first();
        Document plans = partner.get("plans", Document.class);
        String latest = plans.entrySet().stream()
                .max(Map.Entry.comparingByValue((a, b) -> Long.compare(((Number) a).longValue(),
                        ((Number) b).longValue())))
                .map(Map.Entry::getKey).orElseThrow();
        for (String plan : plans.keySet()) {
            if (!plan.equals(latest)) {
                withdraw(event.partnerId(), Ids.fromPathSegment(plan));
            }
        }
    }

    @EventHandler
    void on(PlanRecommendationWithdrawnEvent event) {
        recommendations.updateOne(eq("_id", event.partnerId()),
                Updates.unset("plans." + Ids.asPathSegment(event.planId())));
    }

    private void withdraw(String partnerId, String planId) {
        try {
            commands.send(new WithdrawPlanRecommendationCommand(partnerId, planId,
                    RecommendationWithdrawalReason.REPLACED, null), AggregateKind.PLAN);
        } catch (DomainException e) {
            if (e.code() != ErrorCode.PLAN_NOT_FOUND) {
                throw e;
            }
            log.warn("Previously recommended plan {} of partner {} no longer exists", planId, partnerId);
        }
    }
}
