package com.planledger.command.policy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.planledger.command.lookup.LookupCollections;
import com.planledger.command.web.AggregateKind;
import com.planledger.command.web.CommandDispatcher;
import com.planledger.domain.DomainException;
import com.planledger.domain.ErrorCode;
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

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

/**
 * At most one recommended plan per partner: when a plan is recommended, the plan recommended before it is
 * withdrawn with reason REPLACED. Runs as a tracking processor, so a crash between the recommendation and the
 * withdrawal only delays the withdrawal. The pointer per partner remembers the global position of the event that
 * set it: a redelivered event re-sends its own (idempotent) withdrawal and never acts on an older state.
 */
@Component
@ProcessingGroup(RecommendationPolicy.GROUP)
@DisallowReplay
public class RecommendationPolicy {

    public static final String GROUP = "recommendation-policy";
    private static final Logger log = LoggerFactory.getLogger(RecommendationPolicy.class);

    private final MongoCollection<Document> pointers;
    private final CommandDispatcher commands;

    public RecommendationPolicy(MongoDatabase database, CommandDispatcher commands) {
        this.pointers = database.getCollection(LookupCollections.RECOMMENDATIONS);
        this.commands = commands;
    }

    @EventHandler
    void on(PlanRecommendedEvent event, TrackingToken token) {
        long position = token.position().orElse(Long.MAX_VALUE);
        Document pointer = pointers.find(eq("_id", event.partnerId())).first();
        String replaced;
        if (pointer != null && pointer.getLong("position") >= position) {
            boolean same = event.planId().equals(pointer.getString("planId")) && pointer.getLong("position") == position;
            if (!same) {
                return; // a later recommendation already superseded this one
            }
            replaced = pointer.getString("replaced");
        } else {
            replaced = pointer == null ? null : pointer.getString("planId");
            pointers.replaceOne(eq("_id", event.partnerId()),
                    new Document("_id", event.partnerId()).append("planId", event.planId())
                            .append("replaced", replaced).append("position", position),
                    new ReplaceOptions().upsert(true));
        }
        if (replaced != null && !replaced.equals(event.planId())) {
            withdraw(event.partnerId(), replaced);
        }
    }

    @EventHandler
    void on(PlanRecommendationWithdrawnEvent event) {
        pointers.deleteOne(and(eq("_id", event.partnerId()), eq("planId", event.planId())));
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
