package com.planledger.command.plan;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.planledger.domain.CommandResult;
import com.planledger.domain.DomainException;
import com.planledger.domain.ErrorCode;
import com.planledger.domain.Ids;
import com.planledger.domain.plan.ActivatePlanCommand;
import com.planledger.domain.plan.ArchivePlanCommand;
import com.planledger.domain.plan.ChangePlanVisibilityCommand;
import com.planledger.domain.plan.CreatePlanCommand;
import com.planledger.domain.plan.DeactivatePlanCommand;
import com.planledger.domain.plan.DuplicatePlanCommand;
import com.planledger.domain.plan.PlanActivatedEvent;
import com.planledger.domain.plan.PlanArchivedEvent;
import com.planledger.domain.plan.PlanChanges;
import com.planledger.domain.plan.PlanCreatedEvent;
import com.planledger.domain.plan.PlanDeactivatedEvent;
import com.planledger.domain.plan.PlanDuplicatedEvent;
import com.planledger.domain.plan.PlanName;
import com.planledger.domain.plan.PlanOffer;
import com.planledger.domain.plan.PlanRecommendationWithdrawnEvent;
import com.planledger.domain.plan.PlanRecommendedEvent;
import com.planledger.domain.plan.PlanRestoredEvent;
import com.planledger.domain.plan.PlanRevisedEvent;
import com.planledger.domain.plan.PlanStatus;
import com.planledger.domain.plan.PlanSubscriberMigrationRequestedEvent;
import com.planledger.domain.plan.PlanTerms;
import com.planledger.domain.plan.PlanType;
import com.planledger.domain.plan.PlanVisibilityChangedEvent;
import com.planledger.domain.plan.Visibility;
import com.planledger.domain.plan.RecommendPlanCommand;
import com.planledger.domain.plan.RecommendationWithdrawalReason;
import com.planledger.domain.plan.RequestSubscriberMigrationCommand;
import com.planledger.domain.plan.RestorePlanCommand;
import com.planledger.domain.plan.RevisePlanCommand;
import com.planledger.domain.plan.WithdrawPlanRecommendationCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;

import static com.planledger.domain.DomainException.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A partner's plan. Every rule of DOMAIN.md's Plan section that concerns one plan is checked here; the rules
 * across plans (name unique per partner, one recommended plan per partner) are kept by command-side lookups and
 * policies. State changes only in the event sourcing handlers.
 * <p>
 * The aggregate is its own snapshot: Jackson reads and writes its fields directly, and {@link Revision} lets a
 * changed snapshot shape be ignored instead of misread.
 */
@Aggregate(snapshotTriggerDefinition = "planSnapshotTrigger", snapshotFilter = "planSnapshotFilter")
@Revision("1")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE, creatorVisibility = JsonAutoDetect.Visibility.NONE)
public class Plan {

    @AggregateIdentifier
    private String id;
    private String planId;
    private String partnerId;
    private PlanType type;
    private PlanName name;
    private PlanTerms terms;
    private int revision;
    private PlanStatus status;
    private Visibility visibility;
    private boolean archived;
    private boolean recommended;

    protected Plan() {
        // for Axon and snapshots
    }

    /** A copy of another plan; see {@link #duplicate(DuplicatePlanCommand)}. */
    Plan(PlanDuplicatedEvent duplicated) {
        apply(duplicated);
    }

    // ---------------------------------------------------------------- commands

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public CommandResult create(CreatePlanCommand command, PlanNames names) {
        Ids.require(command.partnerId(), "partnerId");
        Ids.require(command.planId(), "planId");
        require(command.type() != null, "type", "must be USAGE_BASED or REVENUE_SHARING");
        require(command.name() != null, "name", "must not be blank");
        require(command.terms() != null, "terms", "must be given");
        PlanTerms checked = command.terms().requireConsistentWith(command.type());
        requireNameFree(names, command.partnerId(), command.name(), command.planId());
        Visibility initial = command.visibility() == null ? Visibility.PUBLIC : command.visibility();
        apply(new PlanCreatedEvent(command.planId(), command.partnerId(), command.type(), command.name(), initial, 1,
                checked));
        return result();
    }

    @CommandHandler
    public CommandResult revise(RevisePlanCommand command, PlanNames names) {
        requireOwnedBy(command.partnerId());
        requireNotArchived("revised");
        require(command.name() != null, "name", "must not be blank");
        require(command.terms() != null, "terms", "must be given");
        PlanTerms next = command.terms().requireConsistentWith(type);
        requireNameFree(names, partnerId, command.name(), planId);
        List<String> changed = PlanChanges.fieldsChanged(name, terms, command.name(), next);
        if (!changed.isEmpty()) {
            apply(new PlanRevisedEvent(planId, partnerId, revision + 1, command.name(), next, changed));
        }
        return result();
    }

    @CommandHandler
    public CommandResult duplicate(DuplicatePlanCommand command, PlanNames names) throws Exception {
        requireOwnedBy(command.partnerId());
        Ids.require(command.newPlanId(), "planId");
        require(command.name() != null, "name", "must not be blank");
        requireNameFree(names, partnerId, command.name(), command.newPlanId());
        PlanTerms copied = terms;
        if (command.displayName() != null) {
            copied = new PlanTerms(command.displayName(), terms.currency(), terms.prices(), terms.tax(),
                    terms.limits(), terms.trialDays(), terms.gracePeriodDays(), terms.integrations(),
                    terms.addOns(), terms.revenueSharePercent());
        }
        PlanDuplicatedEvent duplicated = new PlanDuplicatedEvent(command.newPlanId(), partnerId, type,
                command.name(), 1, copied, planId, revision);
        AggregateLifecycle.createNew(Plan.class, () -> new Plan(duplicated));
        return new CommandResult(command.newPlanId(), 0, 1);
    }

    @CommandHandler
    public CommandResult activate(ActivatePlanCommand command) {
        requireOwnedBy(command.partnerId());
        requireNotArchived("activated");
        if (status != PlanStatus.ACTIVE) {
            apply(new PlanActivatedEvent(planId, partnerId));
        }
        return result();
    }

    @CommandHandler
    public CommandResult deactivate(DeactivatePlanCommand command) {
        requireOwnedBy(command.partnerId());
        if (status != PlanStatus.INACTIVE) {
            apply(new PlanDeactivatedEvent(planId, partnerId));
            withdrawRecommendation(RecommendationWithdrawalReason.DEACTIVATED);
        }
        return result();
    }

    @CommandHandler
    public CommandResult changeVisibility(ChangePlanVisibilityCommand command) {
        requireOwnedBy(command.partnerId());
        require(command.visibility() != null, "visibility", "must be PUBLIC or PRIVATE");
        if (visibility != command.visibility()) {
            apply(new PlanVisibilityChangedEvent(planId, partnerId, command.visibility()));
            if (command.visibility() == Visibility.PRIVATE) {
                withdrawRecommendation(RecommendationWithdrawalReason.HIDDEN);
            }
        }
        return result();
    }

    @CommandHandler
    public CommandResult archive(ArchivePlanCommand command) {
        requireOwnedBy(command.partnerId());
        if (!archived) {
            apply(new PlanArchivedEvent(planId, partnerId));
            withdrawRecommendation(RecommendationWithdrawalReason.ARCHIVED);
        }
        return result();
    }

    @CommandHandler
    public CommandResult restore(RestorePlanCommand command) {
        requireOwnedBy(command.partnerId());
        if (archived) {
            apply(new PlanRestoredEvent(planId, partnerId));
        }
        return result();
    }

    @CommandHandler
    public CommandResult recommend(RecommendPlanCommand command, RecommendationSlot slot) {
        requireOwnedBy(command.partnerId());
        requireNotArchived("recommended");
        if (status != PlanStatus.ACTIVE || visibility != Visibility.PUBLIC) {
            throw new DomainException(ErrorCode.PLAN_NOT_RECOMMENDABLE,
                    "only an ACTIVE, PUBLIC plan can be recommended; plan " + planId + " is " + status + " and "
                            + visibility);
        }
        // recommended by its own events but replaced meanwhile (the withdrawal not yet delivered): take it back
        if (!recommended || !slot.isHeldBy(partnerId, planId)) {
            RecommendationSlot.Taken taken = slot.take(partnerId, planId);
            String replaces = planId.equals(taken.previous()) ? null : taken.previous();
            apply(new PlanRecommendedEvent(planId, partnerId, replaces, taken.generation()));
        }
        return result();
    }

    @CommandHandler
    public CommandResult withdrawRecommendation(WithdrawPlanRecommendationCommand command, RecommendationSlot slot) {
        requireOwnedBy(command.partnerId());
        RecommendationWithdrawalReason reason = command.reason() == null ? RecommendationWithdrawalReason.WITHDRAWN
                : command.reason();
        if (reason == RecommendationWithdrawalReason.REPLACED && slot.isHeldBy(partnerId, planId)) {
            // recommended again after the replacement that asked for this withdrawal: it stays recommended
            return result();
        }
        withdrawRecommendation(reason, reason == RecommendationWithdrawalReason.REPLACED ? command.replacedBy()
                : null);
        return result();
    }

    @CommandHandler
    public CommandResult requestSubscriberMigration(RequestSubscriberMigrationCommand command) {
        requireOwnedBy(command.partnerId());
        Ids.require(command.jobId(), "jobId");
        require(command.effective() != null, "effective", "must be NOW or NEXT_RENEWAL");
        apply(new PlanSubscriberMigrationRequestedEvent(planId, partnerId, command.jobId(), revision,
                command.effective(), name, terms));
        return result();
    }

    /** The plan as an assignment sees it. Read-only. */
    public PlanOffer offer() {
        return new PlanOffer(planId, partnerId, name, type, revision, status, archived, terms);
    }

    private void withdrawRecommendation(RecommendationWithdrawalReason reason) {
        withdrawRecommendation(reason, null);
    }

    /** Records the withdrawal; the plan's slot is released by the lookups when the event is stored. */
    private void withdrawRecommendation(RecommendationWithdrawalReason reason, String replacedBy) {
        if (recommended) {
            apply(new PlanRecommendationWithdrawnEvent(planId, partnerId, reason, replacedBy));
        }
    }

    private CommandResult result() {
        return CommandResult.of(planId, AggregateLifecycle.getVersion(), revision);
    }

    private void requireOwnedBy(String callerPartnerId) {
        if (!partnerId.equals(callerPartnerId)) {
            // never reveal that another partner's plan exists
            throw new DomainException(ErrorCode.PLAN_NOT_FOUND, "planId", "no plan " + planId);
        }
    }

    private void requireNotArchived(String action) {
        if (archived) {
            throw new DomainException(ErrorCode.PLAN_ARCHIVED,
                    "plan " + planId + " is archived and cannot be " + action + "; restore it first");
        }
    }

    private static void requireNameFree(PlanNames names, String partnerId, PlanName name, String planId) {
        if (names.isTakenByAnother(partnerId, name, planId)) {
            throw PlanNames.taken(name);
        }
    }

    // ---------------------------------------------------------------- state

    @EventSourcingHandler
    void on(PlanCreatedEvent event) {
        id = Ids.planAggregate(event.partnerId(), event.planId());
        planId = event.planId();
        partnerId = event.partnerId();
        type = event.type();
        name = event.name();
        terms = event.terms();
        revision = event.revision();
        status = PlanStatus.ACTIVE;
        visibility = event.visibility();
    }

    @EventSourcingHandler
    void on(PlanDuplicatedEvent event) {
        id = Ids.planAggregate(event.partnerId(), event.planId());
        planId = event.planId();
        partnerId = event.partnerId();
        type = event.type();
        name = event.name();
        terms = event.terms();
        revision = event.revision();
        status = PlanStatus.INACTIVE;
        visibility = Visibility.PRIVATE;
    }

    @EventSourcingHandler
    void on(PlanRevisedEvent event) {
        revision = event.revision();
        name = event.name();
        terms = event.terms();
    }

    @EventSourcingHandler
    void on(PlanActivatedEvent event) {
        status = PlanStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(PlanDeactivatedEvent event) {
        status = PlanStatus.INACTIVE;
    }

    @EventSourcingHandler
    void on(PlanVisibilityChangedEvent event) {
        visibility = event.visibility();
    }

    @EventSourcingHandler
    void on(PlanArchivedEvent event) {
        archived = true;
    }

    @EventSourcingHandler
    void on(PlanRestoredEvent event) {
        archived = false;
        status = PlanStatus.INACTIVE;
        visibility = Visibility.PRIVATE;
    }

    @EventSourcingHandler
    void on(PlanRecommendedEvent event) {
        recommended = true;
    }

    @EventSourcingHandler
    void on(PlanRecommendationWithdrawnEvent event) {
        recommended = false;
    }
}
