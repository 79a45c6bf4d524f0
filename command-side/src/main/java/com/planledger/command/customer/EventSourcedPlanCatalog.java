package com.planledger.command.customer;

import com.planledger.command.plan.Plan;
import com.planledger.domain.Ids;
import com.planledger.domain.plan.PlanOffer;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Reads a plan's current state from its own events by loading the {@code Plan} aggregate (from its latest
 * snapshot plus the events after it). Runs inside the customer command's unit of work, so the plan is locked in
 * this instance until the assignment is stored: an archive handled here at the same moment waits for it.
 */
@Component
public class EventSourcedPlanCatalog implements PlanCatalog {

    private final Repository<Plan> plans;

    public EventSourcedPlanCatalog(@Lazy @Qualifier("planRepository") Repository<Plan> plans) {
        this.plans = plans;
    }

    @Override
    public Optional<PlanOffer> offer(String partnerId, String planId) {
        if (!Ids.isValid(planId)) {
            return Optional.empty();
        }
        try {
            return Optional.of(plans.load(Ids.plan(partnerId, planId)).invoke(Plan::offer));
        } catch (AggregateNotFoundException e) {
            return Optional.empty();
        }
    }
}
